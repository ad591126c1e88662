package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.VisibleBytes;
import java.util.Arrays;

/**
 * Where the signed and the sent string-to-sign first differ, with both sides around that offset,
 * whitespace made visible.
 *
 * <pre>{@code
 * ByteDiff diff = finding.diff();
 * System.out.println(diff);   // offset, then "signed: …" and "sent:   …"
 * }</pre>
 *
 * @param offset the first differing byte offset, or -1 when equal
 * @param signed the signed side around the offset
 * @param sent the sent side around the offset
 */
public record ByteDiff(int offset, String signed, String sent) {

    private static final int BEFORE = 24;
    private static final int AFTER = 48;

    static ByteDiff of(byte[] signed, byte[] sent) {
        int offset = Arrays.mismatch(signed, sent);
        if (offset < 0) {
            return new ByteDiff(-1, "", "");
        }
        return new ByteDiff(offset, excerpt(signed, offset), excerpt(sent, offset));
    }

    private static String excerpt(byte[] bytes, int offset) {
        int from = Math.max(0, offset - BEFORE);
        int to = Math.min(bytes.length, offset + AFTER);
        String text = VisibleBytes.of(Arrays.copyOfRange(bytes, from, to)).replace(VisibleBytes.LF + "\n", VisibleBytes.LF);
        return (from > 0 ? "…" : "") + text + (to < bytes.length ? "…" : "");
    }

    @Override
    public String toString() {
        if (offset < 0) {
            return "signed and sent payloads are identical";
        }
        return "first difference at byte " + offset + "\n  signed: " + signed + "\n  sent:   " + sent;
    }
}
