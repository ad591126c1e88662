package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.doctor.UrlHypotheses.Url;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query as other libraries encode it. Each library applies several rules at once (URLSearchParams
 * writes + for a space and %28 %29 %7E for ( ) ~), so the parameters are decoded and encoded again
 * by each library's whole rule set instead of one rule at a time.
 */
final class QueryEncoders {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Library -> characters left as they are and whether a space is +. */
    private static final Map<String, Object[]> ENCODERS = new LinkedHashMap<>();

    static {
        ENCODERS.put("encodeURIComponent (JavaScript)", new Object[] {"-_.!~*'()", false});
        ENCODERS.put("URLSearchParams (JavaScript), URLEncoder (Java)", new Object[] {"*-._", true});
        ENCODERS.put("urlencode (Python, requests), url.QueryEscape (Go)", new Object[] {"_.-~", true});
        ENCODERS.put("RFC 3986 (quote in Python, OkHttp)", new Object[] {"-._~", false});
        ENCODERS.put("axios's params serialiser", new Object[] {"-_.!~*'():$,[]", true});
    }

    private QueryEncoders() {
    }

    static void hypotheses(String withoutQuery, String query, List<Url> out) {
        if (query == null || query.isEmpty()) {
            return;
        }
        List<String[]> pairs = new ArrayList<>();
        for (String param : query.split("&", -1)) {
            int eq = param.indexOf('=');
            pairs.add(eq < 0 ? new String[] {decode(param), null} : new String[] {decode(param.substring(0, eq)),
                decode(param.substring(eq + 1))});
        }
        List<String[]> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparing((String[] p) -> p[0]));
        for (Map.Entry<String, Object[]> encoder : ENCODERS.entrySet()) {
            String safe = (String) encoder.getValue()[0];
            boolean plus = (Boolean) encoder.getValue()[1];
            String encoded = join(pairs, safe, plus);
            if (!encoded.equals(query)) {
                out.add(new Url(Cause.URL_ENCODING, "the query was sent encoded one way; it was signed as "
                        + encoder.getKey() + " encodes it (" + encoded + ")", withoutQuery + "?" + encoded));
            }
            String sortedEncoded = join(sorted, safe, plus);
            if (!sortedEncoded.equals(query) && !sortedEncoded.equals(encoded)) {
                out.add(new Url(Cause.URL_QUERY, "the query was sent in its own order; it was signed sorted by key and "
                        + "encoded as " + encoder.getKey() + " does (" + sortedEncoded + ")",
                        withoutQuery + "?" + sortedEncoded, UrlHypotheses.GO_SORTS));
            }
        }
    }

    private static String join(List<String[]> pairs, String safe, boolean plus) {
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(encode(pair[0], safe, plus));
            if (pair[1] != null) {
                out.append('=').append(encode(pair[1], safe, plus));
            }
        }
        return out.toString();
    }

    static String encode(String text, String safe, boolean plusForSpace) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (ALNUM.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Form decoding: + is a space, %XX a byte; a malformed escape is kept as it is. */
    static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
