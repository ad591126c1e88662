package io.github.partnerapi.harness.doctor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the URL may have been when it was signed, given the URL sent. */
final class UrlHypotheses {

    static final String BASE_PATH = "/api/v1/p";
    private static final Pattern URL = Pattern.compile("(https?)://([^/?#]+)([^?#]*)(?:\\?([^#]*))?");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private UrlHypotheses() {
    }

    /** A signed URL and what changed. */
    record Url(Cause cause, String transformation, String url) {
    }

    static List<Url> of(String sent, List<String> candidateOrigins) {
        Matcher m = URL.matcher(sent);
        List<Url> out = new ArrayList<>();
        if (!m.matches()) {
            return out;
        }
        String scheme = m.group(1);
        String authority = m.group(2);
        String path = m.group(3);
        String query = m.group(4);
        String origin = scheme + "://" + authority;
        query(origin + path, query, out);
        host(scheme, authority, path + (query == null ? "" : "?" + query), candidateOrigins, out);
        path(origin, path, query, out);
        encoding(origin, path, query, out);
        return out;
    }

    private static void query(String withoutQuery, String query, List<Url> out) {
        if (query == null) {
            return;
        }
        out.add(new Url(Cause.URL_QUERY, "the query string left out", withoutQuery));
        List<String> params = Arrays.asList(query.split("&", -1));
        List<String> sorted = new ArrayList<>(params);
        Collections.sort(sorted);
        out.add(new Url(Cause.URL_QUERY, "query parameters sorted", withoutQuery + "?" + String.join("&", sorted)));
        List<String> reversed = new ArrayList<>(params);
        Collections.reverse(reversed);
        out.add(new Url(Cause.URL_QUERY, "query parameters reversed", withoutQuery + "?" + String.join("&", reversed)));
        for (int i = 0; params.size() > 1 && i < params.size(); i++) {
            List<String> fewer = new ArrayList<>(params);
            String dropped = fewer.remove(i);
            out.add(new Url(Cause.URL_QUERY, "query parameter '" + dropped + "' left out",
                    withoutQuery + "?" + String.join("&", fewer)));
        }
    }

    private static void host(String scheme, String authority, String rest, List<String> origins, List<Url> out) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String origin : origins) {
            Matcher m = URL.matcher(origin);
            if (m.matches()) {
                candidates.add(m.group(1) + "://" + m.group(2));
            }
        }
        String other = scheme.equals("https") ? "http" : "https";
        candidates.add(other + "://" + authority);
        String host = authority.replaceFirst(":\\d+$", "");
        boolean hasPort = !host.equals(authority);
        candidates.add(scheme + "://" + (hasPort ? host : host + (scheme.equals("https") ? ":443" : ":80")));
        if (host.equals("localhost") || host.equals("127.0.0.1")) {
            String swapped = host.equals("localhost") ? "127.0.0.1" : "localhost";
            candidates.add(scheme + "://" + authority.replaceFirst(Pattern.quote(host), swapped));
        }
        candidates.remove(scheme + "://" + authority);
        for (String origin : candidates) {
            out.add(new Url(Cause.URL_HOST, "signed for " + origin + " instead of " + scheme + "://" + authority,
                    origin + rest));
        }
    }

    private static void path(String origin, String path, String query, List<Url> out) {
        String q = query == null ? "" : "?" + query;
        String toggled = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        out.add(new Url(Cause.URL_PATH, path.endsWith("/") ? "without the trailing slash" : "with a trailing slash",
                origin + toggled + q));
        out.add(new Url(Cause.URL_PATH, "only the path and query signed, not the scheme and host", path + q));
        out.add(new Url(Cause.URL_PATH, "only the path signed", path));
        if (path.startsWith(BASE_PATH + "/")) {
            String bare = path.substring(BASE_PATH.length());
            out.add(new Url(Cause.URL_PATH, "the base path " + BASE_PATH + " left out", origin + bare + q));
            out.add(new Url(Cause.URL_PATH, "only the path below " + BASE_PATH + " signed", bare + q));
        }
    }

    private static void encoding(String origin, String path, String query, List<Url> out) {
        String q = query == null ? "" : "?" + query;
        out.add(new Url(Cause.URL_ENCODING, "percent-escapes decoded (raw characters signed)",
                origin + decode(path, false) + (query == null ? "" : "?" + decode(query, true))));
        if (query != null) {
            out.add(new Url(Cause.URL_ENCODING, "spaces signed as %20 instead of +", origin + path + "?" + query.replace("+", "%20")));
            out.add(new Url(Cause.URL_ENCODING, "spaces signed as + instead of %20", origin + path + "?" + query.replace("%20", "+")));
        }
        out.add(new Url(Cause.URL_ENCODING, "percent-escapes in the other letter case", origin + toggleHexCase(path + q)));
        out.add(new Url(Cause.URL_ENCODING, "non-ASCII characters percent-encoded", origin + encodeNonAscii(path + q)));
    }

    private static String decode(String part, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? part : part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static String toggleHexCase(String text) {
        Matcher m = PERCENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String escape = m.group();
            String swapped = escape.equals(escape.toUpperCase(Locale.ROOT))
                    ? escape.toLowerCase(Locale.ROOT) : escape.toUpperCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(swapped));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encodeNonAscii(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            out.append(v < 0x80 ? String.valueOf((char) v) : String.format("%%%02X", v));
        }
        return out.toString();
    }
}
