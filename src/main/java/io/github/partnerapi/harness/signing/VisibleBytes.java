package io.github.partnerapi.harness.signing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Shows bytes as text with the invisible made visible: {@code ␉} for tab, {@code ␍} for CR,
 * {@code ␊} for LF (followed by a real line break), {@code [BOM]} for U+FEFF, and {@code \xHH} for
 * control characters and, when the bytes are not valid UTF-8, for every non-ASCII byte.
 *
 * <pre>{@code
 * VisibleBytes.of("{\r\n\t\"a\": 1}".getBytes(UTF_8)); // "{␍␊\n␉\"a\": 1}"
 * }</pre>
 */
public final class VisibleBytes {

    private VisibleBytes() {
    }

    public static String of(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            appendText(out, decoder.decode(ByteBuffer.wrap(bytes)));
        } catch (CharacterCodingException e) {
            appendLatin(out, bytes);
        }
        return out.toString();
    }

    private static void appendText(StringBuilder out, CharBuffer text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t': out.append('␉'); break;
                case '\r': out.append('␍'); break;
                case '\n': out.append("␊\n"); break;
                case '\uFEFF': out.append("[BOM]"); break;
                default: out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
    }

    private static void appendLatin(StringBuilder out, byte[] bytes) {
        for (byte raw : bytes) {
            int b = raw & 0xff;
            if (b == '\t' || b == '\r' || b == '\n') {
                appendText(out, CharBuffer.wrap(new char[] {(char) b}));
            } else if (b < 0x20 || b >= 0x7f) {
                out.append(String.format("\\x%02x", b));
            } else {
                out.append((char) b);
            }
        }
    }
}
