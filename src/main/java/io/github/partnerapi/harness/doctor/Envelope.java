package io.github.partnerapi.harness.doctor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What surrounds a body's content: a UTF-8 byte order mark, the line endings (LF or CRLF) and what
 * trails the last character (nothing, a newline, Windows {@code echo}'s space and newline). Editors,
 * shells and git change these without touching the content, so they are classified apart from it
 * and tried in combination with every content change.
 *
 * @param bom whether a UTF-8 BOM comes first
 * @param crlf whether line breaks are CRLF
 * @param trailing what follows the content, with LF for each line break ("", "\n", " \n", …)
 */
record Envelope(boolean bom, boolean crlf, String trailing) {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A body split into its envelope and its content (no BOM, LF line breaks, no trailing whitespace). */
    record Split(Envelope envelope, byte[] content) {
    }

    static Split split(byte[] sent) {
        boolean bom = startsWith(sent, BOM);
        int from = bom ? 3 : 0;
        int end = sent.length;
        while (end > from && isTrailing(sent[end - 1])) {
            end--;
        }
        byte[] core = Arrays.copyOfRange(sent, from, end);
        String trailingRaw = new String(sent, end, sent.length - end, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean crlf = BodyHypotheses.indexOf(sent, new byte[] {'\r', '\n'}) >= 0;
        return new Split(new Envelope(bom, crlf, trailingRaw.replace("\r\n", "\n")),
                crlf ? BodyHypotheses.replace(core, "\r\n", "\n") : core);
    }

    private static boolean isTrailing(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The bytes of this envelope around {@code content}. */
    byte[] wrap(byte[] content) {
        byte[] body = crlf ? BodyHypotheses.replace(content, "\n", "\r\n") : content;
        byte[] tail = (crlf ? trailing.replace("\n", "\r\n") : trailing).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ByteSink out = new ByteSink(body.length + tail.length + 3);
        if (bom) {
            out.write(BOM, 0, 3);
        }
        out.write(body, 0, body.length);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /**
     * The envelopes to try for a content: the sent one and each change of BOM, line endings and
     * trailing newline, alone and combined ({@code all}), or (large bodies) the sent one and the
     * trailing newline toggled, what {@code jq} and {@code echo} add.
     */
    List<Envelope> alternatives(boolean all) {
        if (!all) {
            return List.of(this, new Envelope(bom, crlf, trailing.isEmpty() ? "\n" : ""));
        }
        List<String> tails = new ArrayList<>(List.of("", "\n", " \n"));
        if (!tails.contains(trailing)) {
            tails.add(trailing);
        }
        List<Envelope> out = new ArrayList<>();
        out.add(this);
        for (boolean b : new boolean[] {bom, !bom}) {
            for (boolean c : new boolean[] {crlf, !crlf}) {
                for (String t : tails) {
                    Envelope e = new Envelope(b, c, t);
                    int changes = (b != bom ? 1 : 0) + (c != crlf ? 1 : 0) + (t.equals(trailing) ? 0 : 1);
                    if (changes > 0 && (all || changes == 1)) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** The causes of going from {@code sent} to this envelope, most telling first; empty when equal. */
    List<Cause> causesFrom(Envelope sent, boolean contentHasLineBreaks) {
        List<Cause> out = new ArrayList<>();
        boolean eolMatters = contentHasLineBreaks || trailing.contains("\n") && sent.trailing.contains("\n");
        if (crlf != sent.crlf && eolMatters) {
            out.add(Cause.BODY_LINE_ENDINGS);
        }
        if (bom != sent.bom) {
            out.add(Cause.BODY_BOM);
        }
        if (!trailing.equals(sent.trailing) || crlf != sent.crlf && !eolMatters && trailing.contains("\n")) {
            out.add(Cause.BODY_TRAILING_NEWLINE);
        }
        return out;
    }

    /** The words for this envelope where it differs from {@code other}, e.g. "with CRLF line endings". */
    List<String> describeAgainst(Envelope other, boolean contentHasLineBreaks) {
        List<String> out = new ArrayList<>();
        boolean eolMatters = contentHasLineBreaks || trailing.contains("\n") && other.trailing.contains("\n");
        if (crlf != other.crlf && eolMatters) {
            out.add(crlf ? "with CRLF line endings" : "with LF line endings");
        }
        if (bom != other.bom) {
            out.add(bom ? "with a UTF-8 byte order mark" : "without a byte order mark");
        }
        if (!trailing.equals(other.trailing) || crlf != other.crlf && !eolMatters && trailing.contains("\n")) {
            out.add(describeTrailing());
        }
        return out;
    }

    private String describeTrailing() {
        String newline = crlf ? "CRLF" : "LF";
        return switch (trailing) {
            case "" -> "without a trailing newline";
            case "\n" -> "with a trailing " + newline;
            case " \n" -> "with a trailing space and " + newline + " (Windows echo)";
            default -> "with " + VisibleTrailing.of(trailing, crlf) + " at the end";
        };
    }

    /** Trailing whitespace made readable: "2 LF", "a tab". */
    static final class VisibleTrailing {
        private VisibleTrailing() {
        }

        static String of(String trailing, boolean crlf) {
            return io.github.partnerapi.harness.signing.VisibleBytes.of(
                    (crlf ? trailing.replace("\n", "\r\n") : trailing).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
