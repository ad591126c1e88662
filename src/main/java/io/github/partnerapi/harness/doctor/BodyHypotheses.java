package io.github.partnerapi.harness.doctor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the body may have been when it was signed, given what was sent. */
final class BodyHypotheses {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Bodies and key counts small enough to try every order of the top-level keys (at most 3,600 hashes of 8 KiB). */
    private static final int PERMUTED_BODY_LIMIT = 8 * 1024;
    private static final int PERMUTED_KEYS_LIMIT = 6;

    private BodyHypotheses() {
    }

    /** A signed body and how it relates to the sent one. */
    record Body(Cause cause, String transformation, byte[] bytes) {
    }

    static List<Body> of(byte[] sent) {
        List<Body> out = new ArrayList<>();
        byteLevel(sent, out);
        JsonTree.parse(stripBom(sent)).ifPresent(tree -> jsonLevel(sent, tree, out));
        if (sent.length > 0) {
            out.add(new Body(Cause.BODY_ABSENT, "an empty body", new byte[0]));
        }
        return out;
    }

    private static void byteLevel(byte[] sent, List<Body> out) {
        out.add(new Body(Cause.BODY_LINE_ENDINGS, "CRLF line endings turned into LF", replace(sent, "\r\n", "\n")));
        out.add(new Body(Cause.BODY_LINE_ENDINGS, "LF line endings turned into CRLF",
                replace(replace(sent, "\r\n", "\n"), "\n", "\r\n")));
        out.add(new Body(Cause.BODY_TRAILING_NEWLINE, "a trailing LF added", concat(sent, "\n".getBytes())));
        out.add(new Body(Cause.BODY_TRAILING_NEWLINE, "a trailing CRLF added", concat(sent, "\r\n".getBytes())));
        out.add(new Body(Cause.BODY_TRAILING_NEWLINE, "trailing newlines removed", stripTrailingNewlines(sent)));
        out.add(new Body(Cause.BODY_BOM, "a UTF-8 BOM added in front", concat(BOM, sent)));
        out.add(new Body(Cause.BODY_BOM, "the UTF-8 BOM removed", stripBom(sent)));
        out.add(new Body(Cause.BODY_UNICODE_ESCAPES, "non-ASCII characters written as \\uxxxx escapes",
                UnicodeEscapes.escape(sent, false)));
        out.add(new Body(Cause.BODY_UNICODE_ESCAPES, "non-ASCII characters written as \\uXXXX escapes",
                UnicodeEscapes.escape(sent, true)));
        out.add(new Body(Cause.BODY_UNICODE_ESCAPES, "\\uXXXX escapes written as raw UTF-8",
                UnicodeEscapes.unescape(sent)));
        String utf8 = new String(sent, StandardCharsets.UTF_8);
        out.add(new Body(Cause.BODY_CHARSET, "encoded as ISO-8859-1 instead of UTF-8",
                utf8.getBytes(StandardCharsets.ISO_8859_1)));
        out.add(new Body(Cause.BODY_CHARSET, "encoded as UTF-8 instead of ISO-8859-1",
                new String(sent, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8)));
    }

    private static void jsonLevel(byte[] sent, JsonTree tree, List<Body> out) {
        byte[] compacted = JsonLayout.COMPACT.print(tree);
        boolean compact = Arrays.equals(compacted, sent);
        if (!compact) {
            out.add(new Body(Cause.BODY_COMPACTED, JsonLayout.COMPACT.name(), compacted));
            // A compact body saved by `echo` or an editor ends with a newline; the signer read the file.
            out.add(new Body(Cause.BODY_COMPACTED, JsonLayout.COMPACT.name() + " with a trailing newline",
                    concat(compacted, "\n".getBytes())));
            out.add(new Body(Cause.BODY_COMPACTED, JsonLayout.COMPACT.name() + " with a trailing CRLF",
                    concat(compacted, "\r\n".getBytes())));
        }
        for (JsonLayout layout : JsonLayout.PRETTY) {
            byte[] pretty = layout.print(tree);
            Cause cause = compact ? Cause.BODY_PRETTIFIED : Cause.BODY_REINDENTED;
            out.add(new Body(cause, layout.name(), pretty));
            out.add(new Body(cause, layout.name() + " with a trailing newline", concat(pretty, "\n".getBytes())));
            out.add(new Body(cause, layout.name() + " with \\uXXXX escapes (Python's default)",
                    UnicodeEscapes.escape(pretty, false)));
        }
        for (boolean descending : new boolean[] {false, true}) {
            JsonTree sorted = JsonTree.sorted(tree, descending);
            keyOrder(descending ? "keys in descending order" : "keys sorted", sorted, out);
        }
        if (sent.length <= PERMUTED_BODY_LIMIT && tree instanceof JsonTree.Obj obj
                && obj.members().size() >= 2 && obj.members().size() <= PERMUTED_KEYS_LIMIT) {
            for (List<JsonTree.Member> order : otherOrders(obj.members())) {
                keyOrder("top-level keys in the order " + names(order), new JsonTree.Obj(order), out);
            }
        }
    }

    private static void keyOrder(String order, JsonTree tree, List<Body> out) {
        out.add(new Body(Cause.BODY_KEY_ORDER, order + ", " + JsonLayout.COMPACT.name(), JsonLayout.COMPACT.print(tree)));
        for (JsonLayout layout : JsonLayout.PRETTY) {
            out.add(new Body(Cause.BODY_KEY_ORDER, order + ", " + layout.name(), layout.print(tree)));
        }
    }

    /**
     * Every order of the members but the one sent. A library that re-serialised the body may have
     * written the keys in any order (a hash map's), not only sorted; 6 keys give 719 orders.
     */
    private static List<List<JsonTree.Member>> otherOrders(List<JsonTree.Member> members) {
        List<List<JsonTree.Member>> orders = new ArrayList<>();
        permute(new ArrayList<>(), new ArrayList<>(members), orders);
        orders.remove(0);
        return orders;
    }

    private static void permute(List<JsonTree.Member> prefix, List<JsonTree.Member> rest, List<List<JsonTree.Member>> out) {
        if (rest.isEmpty()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            prefix.add(rest.remove(i));
            permute(prefix, rest, out);
            rest.add(i, prefix.remove(prefix.size() - 1));
        }
    }

    private static String names(List<JsonTree.Member> order) {
        List<String> names = new ArrayList<>();
        for (JsonTree.Member member : order) {
            names.add(new String(member.rawKey(), StandardCharsets.UTF_8));
        }
        return String.join(", ", names);
    }

    static byte[] stripBom(byte[] bytes) {
        return startsWith(bytes, BOM) ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] stripTrailingNewlines(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        ByteSink out = new ByteSink(bytes.length + 16);
        int i = 0;
        while (i < bytes.length) {
            if (i + f.length <= bytes.length && Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                out.write(t, 0, t.length);
                i += f.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }
}
