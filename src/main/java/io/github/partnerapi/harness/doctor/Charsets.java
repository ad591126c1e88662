package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.doctor.BodyHypotheses.Body;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The body in another character set: Latin-1 and UTF-16 (what Windows PowerShell writes) against UTF-8. */
final class Charsets {

    private static final String HINT = "Send the UTF-8 bytes: in PowerShell, Out-File -Encoding utf8NoBOM (7+) or "
            + "[IO.File]::WriteAllText with UTF8Encoding($false); in Java, encode the text with StandardCharsets.UTF_8.";

    private Charsets() {
    }

    static void forms(byte[] sent, List<Body> out) {
        Optional<String> utf8 = decode(sent, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            String text = utf8.get();
            if (!isAscii(sent)) {
                out.add(charset("as UTF-8", "as ISO-8859-1 (Latin-1)", text.getBytes(StandardCharsets.ISO_8859_1)));
            }
            String noBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
            out.add(charset("as UTF-8", "as UTF-16LE with a byte order mark (Windows PowerShell's Unicode)",
                    ("\uFEFF" + noBom).getBytes(StandardCharsets.UTF_16LE)));
            out.add(charset("as UTF-8", "as UTF-16LE", noBom.getBytes(StandardCharsets.UTF_16LE)));
        } else if (!utf16(sent)) {
            out.add(charset("as ISO-8859-1 (Latin-1)", "as UTF-8",
                    new String(sent, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8)));
        }
        if (utf16(sent)) {
            fromUtf16(sent, out);
        }
    }

    /** Sent as UTF-16 (a PowerShell file sent as is): signed as its UTF-8 text, in any envelope. */
    private static void fromUtf16(byte[] sent, List<Body> out) {
        Charset charset = sent[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE
                : sent[0] == (byte) 0xFF || sent.length > 1 && sent[1] == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        Optional<String> text = decode(sent, charset);
        if (text.isEmpty()) {
            return;
        }
        String value = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
        Envelope.Split split = Envelope.split(value.getBytes(StandardCharsets.UTF_8));
        for (Envelope envelope : split.envelope().alternatives(true)) {
            byte[] bytes = envelope.wrap(split.content());
            List<String> words = envelope.describeAgainst(split.envelope(), BodyHypotheses.contains(split.content(), (byte) '\n'));
            out.add(new Body(Cause.BODY_CHARSET, "the body was sent as " + charset.name() + "; it was signed as UTF-8"
                    + (words.isEmpty() ? "" : ", " + String.join(", ", words)), HINT, List.of(), () -> bytes));
        }
    }

    private static Body charset(String sentAs, String signedAs, byte[] bytes) {
        return new Body(Cause.BODY_CHARSET, "the body was sent " + sentAs + "; it was signed " + signedAs, HINT, List.of(),
                () -> bytes);
    }

    /** A BOM of UTF-16, or ASCII text with every other byte zero. */
    private static boolean utf16(byte[] bytes) {
        if (bytes.length < 2 || bytes.length % 2 != 0) {
            return false;
        }
        if (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
            return true;
        }
        int zeros = 0;
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        return zeros * 3 >= Math.min(bytes.length, 64);
    }

    private static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
