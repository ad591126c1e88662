package io.github.partnerapi.harness.signing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Shows bytes as text with the invisible made visible, in plain ASCII markers that render in any
 * font: {@code [TAB]}, {@code [CR]}, {@code [LF]} (followed by a real line break), {@code [BOM]} for
 * U+FEFF, {@code [U+00A0]} for other invisible or space-like characters, and {@code \xHH} for
 * control bytes and, when the bytes are not valid UTF-8, for every non-ASCII byte. {@link #LEGEND}
 * says so in one line.
 *
 * <pre>{@code
 * VisibleBytes.of("{\r\n\t\"a\": 1}".getBytes(UTF_8)); // "{[CR][LF]\n[TAB]\"a\": 1}"
 * }</pre>
 */
public final class VisibleBytes {

    /** The marker of a tab. */
    public static final String TAB = "[TAB]";
    /** The marker of a carriage return. */
    public static final String CR = "[CR]";
    /** The marker of a line feed; {@link #of} follows it with a real line break. */
    public static final String LF = "[LF]";
    /** The marker of a byte order mark (U+FEFF). */
    public static final String BOM = "[BOM]";
    /** One line that explains the markers, for reports. */
    public static final String LEGEND = "markers: [TAB] tab, [CR] carriage return, [LF] line feed (a line break follows it), "
            + "[BOM] byte order mark, [U+XXXX] another invisible character, \\xHH a control byte or a byte that is not UTF-8";

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
                case '\t': out.append(TAB); break;
                case '\r': out.append(CR); break;
                case '\n': out.append(LF).append('\n'); break;
                case '\uFEFF': out.append(BOM); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (invisible(c)) {
                        out.append(String.format("[U+%04X]", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
    }

    /** Characters a reader cannot see or tell from a space: no-break and other spaces, zero-width and format characters. */
    private static boolean invisible(char c) {
        if (c < 0x80) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL;
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
