package io.github.partnerapi.harness.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A JSON document kept as its tokens: strings and numbers stay the exact bytes they were sent as,
 * so the document can be laid out again (compact, pretty in any style, keys sorted) without
 * changing a single escape or digit.
 */
sealed interface JsonTree {

    /** A string, number, true, false or null, as its raw bytes. */
    record Scalar(byte[] raw) implements JsonTree {
    }

    /** An object member: the key's raw bytes (quotes included) and its value. */
    record Member(byte[] rawKey, JsonTree value) {
    }

    record Obj(List<Member> members) implements JsonTree {
    }

    record Arr(List<JsonTree> items) implements JsonTree {
    }

    /** Parses a whole document, or empty if it is not JSON. */
    static Optional<JsonTree> parse(byte[] bytes) {
        try {
            Parser parser = new Parser(bytes);
            JsonTree tree = parser.value();
            parser.skipWhitespace();
            return parser.pos == bytes.length ? Optional.of(tree) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The same document with every object's keys in ascending byte order, recursively. */
    static JsonTree sorted(JsonTree tree, boolean descending) {
        if (tree instanceof Obj obj) {
            List<Member> members = new ArrayList<>();
            for (Member m : obj.members()) {
                members.add(new Member(m.rawKey(), sorted(m.value(), descending)));
            }
            Comparator<Member> order = (a, b) -> java.util.Arrays.compare(a.rawKey(), b.rawKey());
            members.sort(descending ? order.reversed() : order);
            return new Obj(members);
        }
        if (tree instanceof Arr arr) {
            List<JsonTree> items = new ArrayList<>();
            for (JsonTree item : arr.items()) {
                items.add(sorted(item, descending));
            }
            return new Arr(items);
        }
        return tree;
    }

    /** The same document with the keys of every object but the top-level one sorted: a Go struct holding maps. */
    static JsonTree sortedBelowTop(JsonTree tree) {
        if (tree instanceof Obj obj) {
            List<Member> members = new ArrayList<>();
            for (Member m : obj.members()) {
                members.add(new Member(m.rawKey(), sorted(m.value(), false)));
            }
            return new Obj(members);
        }
        return tree;
    }

    /** The same document with the keys of every nested object in reverse order, the top level as it is. */
    static JsonTree reversedBelowTop(JsonTree tree) {
        if (tree instanceof Obj obj) {
            List<Member> members = new ArrayList<>();
            for (Member m : obj.members()) {
                members.add(new Member(m.rawKey(), reversed(m.value())));
            }
            return new Obj(members);
        }
        return tree;
    }

    private static JsonTree reversed(JsonTree tree) {
        if (tree instanceof Obj obj) {
            List<Member> members = new ArrayList<>();
            for (Member m : obj.members()) {
                members.add(0, new Member(m.rawKey(), reversed(m.value())));
            }
            return new Obj(members);
        }
        if (tree instanceof Arr arr) {
            List<JsonTree> items = new ArrayList<>();
            for (JsonTree item : arr.items()) {
                items.add(reversed(item));
            }
            return new Arr(items);
        }
        return tree;
    }

    /** The top-level keys in the order a java.util.HashMap iterates them (Jackson or Gson writing a HashMap). */
    static JsonTree hashMapOrder(JsonTree tree) {
        if (!(tree instanceof Obj obj)) {
            return tree;
        }
        java.util.Map<String, Member> map = new java.util.HashMap<>();
        for (Member m : obj.members()) {
            map.put(new String(m.rawKey(), 1, m.rawKey().length - 2, java.nio.charset.StandardCharsets.UTF_8), m);
        }
        return new Obj(new ArrayList<>(map.values()));
    }

    /** The top-level keys in a JavaScript object's order: integer-like keys first, ascending, then the rest as sent. */
    static JsonTree javaScriptOrder(JsonTree tree) {
        if (!(tree instanceof Obj obj)) {
            return tree;
        }
        List<Member> integers = new ArrayList<>();
        List<Member> others = new ArrayList<>();
        for (Member m : obj.members()) {
            String key = new String(m.rawKey(), 1, m.rawKey().length - 2, java.nio.charset.StandardCharsets.UTF_8);
            (key.matches("0|[1-9][0-9]{0,8}") ? integers : others).add(m);
        }
        integers.sort(Comparator.comparingLong(m -> Long.parseLong(
                new String(m.rawKey(), 1, m.rawKey().length - 2, java.nio.charset.StandardCharsets.UTF_8))));
        integers.addAll(others);
        return new Obj(integers);
    }

    /** A small recursive-descent parser over bytes. */
    final class Parser {
        private final byte[] in;
        private int pos;

        Parser(byte[] in) {
            this.in = in;
        }

        void skipWhitespace() {
            while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
                pos++;
            }
        }

        JsonTree value() {
            skipWhitespace();
            byte b = in[pos];
            if (b == '{') {
                return object();
            }
            if (b == '[') {
                return array();
            }
            if (b == '"') {
                return new Scalar(string());
            }
            int start = pos;
            while (pos < in.length && "+-.0123456789eEtrufalsn".indexOf(in[pos]) >= 0) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("unexpected byte at " + pos);
            }
            return new Scalar(java.util.Arrays.copyOfRange(in, start, pos));
        }

        private byte[] string() {
            int start = pos++;
            while (in[pos] != '"') {
                pos += in[pos] == '\\' ? 2 : 1;
            }
            pos++;
            return java.util.Arrays.copyOfRange(in, start, pos);
        }

        private JsonTree object() {
            pos++;
            List<Member> members = new ArrayList<>();
            skipWhitespace();
            if (in[pos] == '}') {
                pos++;
                return new Obj(members);
            }
            while (true) {
                skipWhitespace();
                if (in[pos] != '"') {
                    throw new IllegalArgumentException("expected a key at " + pos);
                }
                byte[] key = string();
                skipWhitespace();
                expect(':');
                members.add(new Member(key, value()));
                skipWhitespace();
                if (in[pos] == '}') {
                    pos++;
                    return new Obj(members);
                }
                expect(',');
            }
        }

        private JsonTree array() {
            pos++;
            List<JsonTree> items = new ArrayList<>();
            skipWhitespace();
            if (in[pos] == ']') {
                pos++;
                return new Arr(items);
            }
            while (true) {
                items.add(value());
                skipWhitespace();
                if (in[pos] == ']') {
                    pos++;
                    return new Arr(items);
                }
                expect(',');
            }
        }

        private void expect(char c) {
            if (in[pos] != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
            pos++;
        }
    }

    /** Writes bytes, for the layouts. */
    final class Out {
        final ByteSink bytes = new ByteSink(1024);

        Out write(String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                bytes.write(ascii.charAt(i));
            }
            return this;
        }

        Out write(byte[] raw) {
            bytes.write(raw, 0, raw.length);
            return this;
        }
    }
}
