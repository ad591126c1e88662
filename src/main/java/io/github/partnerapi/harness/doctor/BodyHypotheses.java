package io.github.partnerapi.harness.doctor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the body may have been when it was signed, given what was sent. Each hypothesis is a content
 * form (the same JSON in another layout, key order or escaping) inside an {@link Envelope} (BOM,
 * line endings, trailing newline), so that one-step and two-step changes real tools make are tried:
 * {@code jq -S} sorts and adds a newline, {@code curl -d @file} removes every line break.
 */
final class BodyHypotheses {

    /** Bodies up to this size get every envelope combined with every content form. */
    private static final int COMBINED_LIMIT = 64 * 1024;
    /** Bytes hashed at most for the orders of the top-level keys (8 keys: 40,320 orders). */
    private static final long PERMUTATION_BUDGET = 32L * 1024 * 1024;
    private static final int PERMUTED_KEYS_LIMIT = 8;

    private BodyHypotheses() {
    }

    /**
     * A signed body and how it relates to the sent one.
     *
     * @param cause the cause it proves
     * @param transformation what differs, as a sentence
     * @param hint advice specific to it, or null
     * @param also further causes it needs (envelope changes next to a content change)
     * @param bytes the body (computed when hashed)
     */
    record Body(Cause cause, String transformation, String hint, List<Cause> also, Supplier<byte[]> bytes) {
    }

    /** One form of the content and the words for how it differs from the sent one. */
    record Form(Cause cause, String sentWords, String signedWords, String hint, boolean lineBreaks, Supplier<byte[]> content) {
    }

    static List<Body> of(byte[] sent) {
        List<Body> out = new ArrayList<>();
        Envelope.Split split = Envelope.split(sent);
        List<Form> forms = new ArrayList<>();
        boolean small = sent.length <= COMBINED_LIMIT;
        forms.add(new Form(null, null, null, null, contains(split.content(), (byte) '\n'), () -> split.content()));
        JsonTree.parse(split.content()).ifPresent(tree -> {
            JsonForms json = new JsonForms(tree, split.content(), small);
            forms.addAll(json.forms());
            newlinesRemoved(sent, split, json, out);
        });
        boolean sentLineBreaks = forms.get(0).lineBreaks();
        for (Form form : forms) {
            for (Envelope envelope : split.envelope().alternatives(small || form.cause() == null)) {
                if (form.cause() != null || !envelope.equals(split.envelope())) {
                    Body body = body(split.envelope(), sentLineBreaks, form, envelope);
                    if (body != null) {
                        out.add(body);
                    }
                }
            }
        }
        byteLevel(sent, out);
        if (sent.length > 0) {
            out.add(new Body(Cause.BODY_ABSENT, "the body was sent; it was signed empty", null, List.of(), () -> new byte[0]));
        }
        return out;
    }

    private static Body body(Envelope sentEnvelope, boolean sentLineBreaks, Form form, Envelope envelope) {
        List<Cause> causes = new ArrayList<>();
        if (form.cause() != null) {
            causes.add(form.cause());
        }
        causes.addAll(envelope.causesFrom(sentEnvelope, form.lineBreaks()));
        if (causes.isEmpty()) {
            return null;
        }
        List<String> sentWords = new ArrayList<>();
        List<String> signedWords = new ArrayList<>();
        if (form.cause() != null) {
            sentWords.add(form.sentWords());
            signedWords.add(form.signedWords());
        }
        sentWords.addAll(sentEnvelope.describeAgainst(envelope, sentLineBreaks));
        signedWords.addAll(envelope.describeAgainst(sentEnvelope, form.lineBreaks()));
        Supplier<byte[]> bytes = () -> envelope.wrap(form.content().get());
        return new Body(causes.get(0), sentence(sentWords, signedWords), form.hint(), causes.subList(1, causes.size()), bytes);
    }

    static String sentence(List<String> sent, List<String> signed) {
        return "the body was sent " + String.join(", ", sent.stream().filter(s -> s != null && !s.isEmpty()).toList())
                + "; it was signed " + String.join(", ", signed.stream().filter(s -> s != null && !s.isEmpty()).toList());
    }

    /** {@code curl -d @file} drops every CR and LF: a pretty file arrives as one line with its indentation left in. */
    private static void newlinesRemoved(byte[] sent, Envelope.Split split, JsonForms json, List<Body> out) {
        if (contains(sent, (byte) '\n') || contains(sent, (byte) '\r')) {
            return;
        }
        for (JsonLayout layout : JsonLayout.PRETTY) {
            byte[] pretty = json.print(layout);
            if (!Arrays.equals(removeLineBreaks(pretty), split.content())) {
                continue;
            }
            for (boolean crlf : new boolean[] {false, true}) {
                for (String trailing : new String[] {"\n", ""}) {
                    Envelope file = new Envelope(split.envelope().bom(), crlf, trailing);
                    out.add(new Body(Cause.BODY_NEWLINES_REMOVED, "the body was sent with its line breaks removed "
                            + "(as curl -d @file sends a file); it was signed as the file holds it, " + layout.name()
                            + (crlf ? ", with CRLF line endings" : "") + (trailing.isEmpty() ? "" : ", ending in a newline"),
                            null, List.of(), () -> file.wrap(pretty)));
                }
            }
        }
    }

    private static void byteLevel(byte[] sent, List<Body> out) {
        out.add(new Body(Cause.BODY_UNICODE_ESCAPES, "the body was sent with raw UTF-8 characters; it was signed with "
                + "non-ASCII characters as \\uxxxx escapes", null, List.of(), () -> UnicodeEscapes.escape(sent, false)));
        out.add(new Body(Cause.BODY_UNICODE_ESCAPES, "the body was sent with \\uXXXX escapes; it was signed with them "
                + "as raw UTF-8 characters", null, List.of(), () -> UnicodeEscapes.unescape(sent)));
        Charsets.forms(sent, out);
    }

    /** The orders of the top-level keys to try after every other hypothesis failed. */
    static JsonForms.Permutations permutations(byte[] sent) {
        Envelope.Split split = Envelope.split(sent);
        return JsonTree.parse(split.content()).map(tree -> JsonForms.permutations(tree, split, PERMUTATION_BUDGET,
                PERMUTED_KEYS_LIMIT)).orElse(JsonForms.Permutations.NONE);
    }

    static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    static byte[] removeLineBreaks(byte[] bytes) {
        ByteSink out = new ByteSink(bytes.length);
        for (byte b : bytes) {
            if (b != '\n' && b != '\r') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] stripBom(byte[] bytes) {
        return Envelope.startsWith(bytes, Envelope.BOM) ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        ByteSink out = new ByteSink(bytes.length + bytes.length / 16 + 16);
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] == f[0] && i + f.length <= bytes.length && Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                out.write(t, 0, t.length);
                i += f.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }
}
