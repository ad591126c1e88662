package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.doctor.BodyHypotheses.Form;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forms a JSON body takes in other tools: other layouts, key orders and escapes of the same
 * document. The layout is classified on the content alone (no BOM, LF, no trailing newline), so a
 * {@code jq .} file is pretty, not "another indentation" because it ends in a newline.
 */
final class JsonForms {

    private static final byte[] HTML = "<>&".getBytes(StandardCharsets.US_ASCII);
    private static final String GO_HINT = "Go's json.Marshal writes <, > and & as \\u003c, \\u003e and \\u0026: "
            + "encode with a json.Encoder and SetEscapeHTML(false), or sign and send the bytes Marshal returned.";

    private final JsonTree tree;
    private final boolean small;
    private final JsonLayout sentLayout;
    private final String sentWords;
    private final boolean asciiOnly;
    private final boolean hasEscapes;
    private final Map<JsonLayout, Supplier<byte[]>> prints = new LinkedHashMap<>();

    JsonForms(JsonTree tree, byte[] content, boolean small) {
        this.tree = tree;
        this.small = small;
        JsonLayout found = null;
        for (JsonLayout layout : JsonLayout.ALL) {
            prints.put(layout, memo(() -> layout.print(tree)));
            if (found == null && Arrays.equals(prints.get(layout).get(), content)) {
                found = layout;
            }
        }
        this.sentLayout = found;
        this.sentWords = found != null ? found.name()
                : BodyHypotheses.contains(content, (byte) '\n') ? "pretty-printed" : "on one line";
        this.asciiOnly = isAscii(content);
        this.hasEscapes = BodyHypotheses.indexOf(content, "\\u".getBytes(StandardCharsets.US_ASCII)) >= 0;
    }

    byte[] print(JsonLayout layout) {
        return prints.get(layout).get();
    }

    private boolean sentCompact() {
        return sentLayout == JsonLayout.COMPACT;
    }

    private Cause layoutCause(JsonLayout signed) {
        return sentCompact() ? Cause.BODY_PRETTIFIED : signed == JsonLayout.COMPACT ? Cause.BODY_COMPACTED : Cause.BODY_REINDENTED;
    }

    List<Form> forms() {
        List<Form> out = new ArrayList<>();
        for (JsonLayout layout : JsonLayout.ALL) {
            if (layout != sentLayout) {
                out.add(new Form(layoutCause(layout), sentWords, layout.name(), null, layout.indent() != null, prints.get(layout)));
            }
        }
        escapes(out);
        orders(out);
        return out;
    }

    private void escapes(List<Form> out) {
        JsonLayout same = sentLayout == null ? JsonLayout.COMPACT : sentLayout;
        if (!asciiOnly) {
            for (JsonLayout layout : small ? JsonLayout.ALL : List.of(same)) {
                boolean sameLayout = layout == sentLayout;
                Cause cause = sameLayout ? Cause.BODY_UNICODE_ESCAPES : layoutCause(layout);
                String words = "with non-ASCII characters as \\uXXXX escapes (Python's ensure_ascii, Jackson's ESCAPE_NON_ASCII)";
                out.add(new Form(cause, join(sameLayout ? null : sentWords, "with raw UTF-8 characters"),
                        join(sameLayout ? null : layout.name(), words), null, layout.indent() != null,
                        memo(() -> UnicodeEscapes.escape(prints.get(layout).get(), false))));
            }
            out.add(new Form(Cause.BODY_UNICODE_ESCAPES, "with raw UTF-8 characters", "with non-ASCII characters as "
                    + "upper-case \\uXXXX escapes", null, same.indent() != null,
                    memo(() -> UnicodeEscapes.escape(prints.get(same).get(), true))));
        }
        if (hasEscapes) {
            String hint = containsHtmlEscape(prints.get(same).get()) ? GO_HINT : null;
            for (JsonLayout layout : small ? JsonLayout.ALL : List.of(same)) {
                boolean sameLayout = layout == same;
                out.add(new Form(sameLayout ? Cause.BODY_UNICODE_ESCAPES : layoutCause(layout),
                        join(sameLayout ? null : sentWords, "with \\uXXXX escapes"),
                        join(sameLayout ? null : layout.name(), "with those characters as raw UTF-8"), hint,
                        layout.indent() != null, memo(() -> UnicodeEscapes.unescape(prints.get(layout).get()))));
            }
        }
        if (containsAny(prints.get(same).get(), HTML)) {
            out.add(new Form(Cause.BODY_UNICODE_ESCAPES, "with <, > and & as they are", "with <, > and & escaped as "
                    + "\\u003c, \\u003e and \\u0026 (Go's json.Marshal)", GO_HINT, same.indent() != null,
                    memo(() -> htmlEscape(prints.get(same).get()))));
        }
    }

    private void orders(List<Form> out) {
        Map<String, JsonTree> orders = new LinkedHashMap<>();
        orders.put("with its keys sorted (jq -S, Go maps, Python sort_keys)", JsonTree.sorted(tree, false));
        if (small) {
            orders.put("with its keys in descending order", JsonTree.sorted(tree, true));
            orders.put("with the keys of nested objects sorted (a Go struct holding maps)", JsonTree.sortedBelowTop(tree));
            orders.put("with the keys of nested objects in another order (sorted in what was sent)",
                    JsonTree.reversedBelowTop(tree));
            orders.put("with its top-level keys in a java.util.HashMap's order", JsonTree.hashMapOrder(tree));
            orders.put("with integer-like keys first (a JavaScript object's order)", JsonTree.javaScriptOrder(tree));
        }
        byte[] sentCompact = prints.get(JsonLayout.COMPACT).get();
        List<JsonLayout> layouts = small ? JsonLayout.ALL
                : List.of(sentLayout == null ? JsonLayout.COMPACT : sentLayout, JsonLayout.COMPACT, JsonLayout.PRETTY.get(0));
        for (Map.Entry<String, JsonTree> order : orders.entrySet()) {
            JsonTree other = order.getValue();
            if (Arrays.equals(JsonLayout.COMPACT.print(other), sentCompact)) {
                continue;
            }
            for (JsonLayout layout : new java.util.LinkedHashSet<>(layouts)) {
                boolean sameLayout = layout == sentLayout;
                out.add(new Form(Cause.BODY_KEY_ORDER, join(sameLayout ? null : sentWords, "with its keys in another order"),
                        join(sameLayout ? null : layout.name(), order.getKey()), null, layout.indent() != null,
                        memo(() -> layout.print(other))));
            }
            if (small && containsAny(prints.get(JsonLayout.COMPACT).get(), HTML)) {
                for (JsonLayout layout : JsonLayout.ALL) {
                    out.add(new Form(Cause.BODY_KEY_ORDER, join(layout == sentLayout ? null : sentWords,
                            "with its keys in another order, <, > and & as they are"),
                            join(layout == sentLayout ? null : layout.name(), order.getKey()
                                    + ", <, > and & as \\u003c, \\u003e and \\u0026 (Go's json.Marshal of a map)"),
                            GO_HINT, layout.indent() != null, memo(() -> htmlEscape(layout.print(other)))));
                }
            }
            if (small && !asciiOnly) {
                out.add(new Form(Cause.BODY_KEY_ORDER, join(sentWords, "with its keys in another order"),
                        join(JsonLayout.PYTHON.name(), order.getKey() + ", non-ASCII as \\uXXXX escapes"), null, false,
                        memo(() -> UnicodeEscapes.escape(JsonLayout.PYTHON.print(other), false))));
            }
        }
    }

    /**
     * Every other order of the top-level keys, in the sent layout and envelope, within a hashing
     * budget: tried last, one order at a time, so that 40,320 orders never sit in memory.
     */
    record Permutations(List<JsonTree.Member> members, JsonLayout layout, Envelope envelope, long count,
            byte[][] pieces, byte[] open, byte[] separator, byte[] close) {

        static final Permutations NONE = new Permutations(List.of(), JsonLayout.COMPACT, null, 0, null, null, null, null);

        /** Each member printed once at the top level: a permutation is then hashed without printing it. */
        static Permutations of(List<JsonTree.Member> members, JsonLayout layout, Envelope envelope, long count) {
            boolean pretty = layout.indent() != null;
            byte[] open = bytes(envelope, (envelope.bom() ? "\uFEFF" : "") + "{" + (pretty ? "\n" + layout.indent() : ""));
            byte[] close = bytes(envelope, (pretty ? "\n}" : "}") + envelope.trailing());
            byte[] separator = bytes(envelope, pretty ? ",\n" + layout.indent() : layout.comma());
            byte[][] pieces = new byte[members.size()][];
            int head = pretty ? 2 + layout.indent().length() : 1;
            int tail = pretty ? 2 : 1;
            for (int i = 0; i < pieces.length; i++) {
                byte[] one = layout.print(new JsonTree.Obj(List.of(members.get(i))));
                byte[] member = Arrays.copyOfRange(one, head, one.length - tail);
                pieces[i] = envelope.crlf() ? BodyHypotheses.replace(member, "\n", "\r\n") : member;
            }
            return new Permutations(members, layout, envelope, count, pieces, open, separator, close);
        }

        private static byte[] bytes(Envelope envelope, String text) {
            String lines = envelope.crlf() ? text.replace("\n", "\r\n") : text;
            return lines.getBytes(StandardCharsets.UTF_8);
        }

        /** Feeds the body with the members in the {@code index}-th order (1 to count - 1; 0 is the order sent). */
        void feed(java.security.MessageDigest sha, long index) {
            int[] order = order(pieces.length, index);
            sha.update(open);
            for (int i = 0; i < order.length; i++) {
                if (i > 0) {
                    sha.update(separator);
                }
                sha.update(pieces[order[i]]);
            }
            sha.update(close);
        }

        byte[] body(long index) {
            ByteSink out = new ByteSink(256);
            int[] order = order(pieces.length, index);
            out.write(open, 0, open.length);
            for (int i = 0; i < order.length; i++) {
                if (i > 0) {
                    out.write(separator, 0, separator.length);
                }
                out.write(pieces[order[i]], 0, pieces[order[i]].length);
            }
            out.write(close, 0, close.length);
            return out.toByteArray();
        }

        String transformation(long index) {
            List<JsonTree.Member> order = new ArrayList<>();
            for (int i : order(pieces.length, index)) {
                order.add(members.get(i));
            }
            return "the body was sent with its keys in another order; it was signed with its top-level keys in the "
                    + "order " + names(order);
        }

        /** The index-th permutation of 0..n-1, in lexicographic order (factorial number system). */
        private static int[] order(int n, long index) {
            int[] rest = new int[n];
            for (int i = 0; i < n; i++) {
                rest[i] = i;
            }
            int[] out = new int[n];
            int left = n;
            for (int i = 0; i < n; i++) {
                long f = factorial(n - 1 - i);
                int pick = (int) (index / f);
                index %= f;
                out[i] = rest[pick];
                System.arraycopy(rest, pick + 1, rest, pick, left - pick - 1);
                left--;
            }
            return out;
        }
    }

    static Permutations permutations(JsonTree tree, Envelope.Split split, long budget, int maxKeys) {
        if (!(tree instanceof JsonTree.Obj obj) || obj.members().size() < 2 || obj.members().size() > maxKeys) {
            return Permutations.NONE;
        }
        long count = factorial(obj.members().size());
        if (count * (split.content().length + 64) > budget) {
            return Permutations.NONE;
        }
        for (JsonLayout layout : JsonLayout.ALL) {
            if (Arrays.equals(layout.print(tree), split.content())) {
                return Permutations.of(obj.members(), layout, split.envelope(), count);
            }
        }
        return Permutations.NONE;
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static String names(List<JsonTree.Member> order) {
        List<String> names = new ArrayList<>();
        for (JsonTree.Member member : order) {
            names.add(new String(member.rawKey(), StandardCharsets.UTF_8));
        }
        return String.join(", ", names);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + ", " + b;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(byte[] bytes, byte[] any) {
        for (byte b : any) {
            if (BodyHypotheses.contains(bytes, b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsHtmlEscape(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return text.contains("\\u003c") || text.contains("\\u003e") || text.contains("\\u0026");
    }

    /** Go's json.Marshal: <, > and & (and U+2028, U+2029) as \\u escapes. Only inside strings: elsewhere they cannot occur in JSON. */
    private static byte[] htmlEscape(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").getBytes(StandardCharsets.UTF_8);
    }

    static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
