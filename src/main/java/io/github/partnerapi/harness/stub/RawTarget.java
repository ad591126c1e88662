package io.github.partnerapi.harness.stub;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request target exactly as received: path and query with their encoding. */
final class RawTarget {

    private RawTarget() {
    }

    /**
     * The raw request target. The JDK server reads the request line byte for byte into chars
     * (ISO-8859-1), so re-reading those bytes as UTF-8 restores non-ASCII characters as sent.
     */
    static String of(HttpExchange exchange) {
        return utf8(exchange.getRequestURI().toString());
    }

    static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0x7f) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    static String path(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Query parameters, decoded; the first value of a repeated name wins. */
    static Map<String, String> query(String target) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
