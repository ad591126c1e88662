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

    /** A signed URL, what changed (a sentence) and advice specific to it (or null). */
    record Url(Cause cause, String transformation, String url, String hint) {
        Url(Cause cause, String transformation, String url) {
            this(cause, transformation, url, null);
        }
    }

    static final String GO_SORTS = "Go's url.Values.Encode() sorts the query by key: sign the URL string you send, "
            + "or send u.RawQuery = values.Encode() and sign that same string.";

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
        QueryEncoders.hypotheses(origin + path, query, out);
        return out;
    }

    private static void query(String withoutQuery, String query, List<Url> out) {
        if (query == null) {
            out.add(new Url(Cause.URL_QUERY, "the URL was sent without a query; it was signed with an empty one "
                    + "(a trailing ?)", withoutQuery + "?"));
            return;
        }
        out.add(new Url(Cause.URL_QUERY, query.isEmpty() ? "the URL was sent with a trailing ?; it was signed without it"
                : "the query string was sent; it was signed without it", withoutQuery));
        List<String> params = Arrays.asList(query.split("&", -1));
        List<String> sorted = new ArrayList<>(params);
        Collections.sort(sorted);
        out.add(new Url(Cause.URL_QUERY, "the query was sent in its own order; it was signed with its parameters sorted", withoutQuery + "?" + String.join("&", sorted), GO_SORTS));
        List<String> reversed = new ArrayList<>(params);
        Collections.reverse(reversed);
        out.add(new Url(Cause.URL_QUERY, "the query was sent in its own order; it was signed with its parameters reversed", withoutQuery + "?" + String.join("&", reversed)));
        for (int i = 0; params.size() > 1 && i < params.size(); i++) {
            List<String> fewer = new ArrayList<>(params);
            String dropped = fewer.remove(i);
            out.add(new Url(Cause.URL_QUERY, "the query was sent with '" + dropped + "'; it was signed without it",
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
        upperCaseForms(scheme, authority, origins, candidates);
        candidates.remove(scheme + "://" + authority);
        for (String origin : candidates) {
            out.add(new Url(Cause.URL_HOST, "the request was sent to " + scheme + "://" + authority + "; it was signed for "
                    + origin, origin + rest));
        }
    }

    /** A host typed in capitals is sent lower-cased by browsers, URL classes and HTTP clients, but signed as typed. */
    private static void upperCaseForms(String scheme, String authority, List<String> origins, Set<String> candidates) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(scheme + "://" + authority);
        for (String origin : origins) {
            Matcher m = URL.matcher(origin);
            if (m.matches()) {
                hosts.add(m.group(1) + "://" + m.group(2));
            }
        }
        for (String origin : hosts) {
            int start = origin.indexOf("://") + 3;
            String host = origin.substring(start);
            candidates.add(origin.substring(0, start) + host.toUpperCase(Locale.ROOT));
            candidates.add(origin.substring(0, start) + Character.toUpperCase(host.charAt(0)) + host.substring(1));
            candidates.add(origin.toUpperCase(Locale.ROOT));
            String label = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
            candidates.add(origin.substring(0, start) + label.toUpperCase(Locale.ROOT) + host.substring(label.length()));
            String titled = titleCase(host);
            candidates.add(origin.substring(0, start) + titled);
            candidates.add(origin.substring(0, start) + label.toUpperCase(Locale.ROOT) + titled.substring(label.length()));
        }
    }

    /** Each dot-separated label with a capital first letter: Api.Qredo.Network. */
    private static String titleCase(String host) {
        StringBuilder out = new StringBuilder(host.length());
        boolean start = true;
        for (char c : host.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.';
        }
        return out.toString();
    }

    private static void path(String origin, String path, String query, List<Url> out) {
        String q = query == null ? "" : "?" + query;
        String toggled = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        out.add(new Url(Cause.URL_PATH, path.endsWith("/") ? "the path was sent with a trailing slash; it was signed without it"
                : "the path was sent without a trailing slash; it was signed with one", origin + toggled + q));
        out.add(new Url(Cause.URL_PATH, "the full URL was sent; only the path and query were signed, not the scheme and host",
                path + q));
        out.add(new Url(Cause.URL_PATH, "the full URL was sent; only the path was signed", path));
        if (path.startsWith(BASE_PATH + "/")) {
            String bare = path.substring(BASE_PATH.length());
            out.add(new Url(Cause.URL_PATH, "the path was sent below the base path " + BASE_PATH + "; it was signed without it",
                    origin + bare + q));
            out.add(new Url(Cause.URL_PATH, "the full URL was sent; only the path below " + BASE_PATH + " was signed", bare + q));
        }
        if (path.contains("//")) {
            out.add(new Url(Cause.URL_PATH, "the path was sent with a double slash (//); it was signed with one slash",
                    origin + path.replaceAll("/{2,}", "/") + q));
        }
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            if (i + 1 < path.length() && path.charAt(i + 1) == '/' || i > 0 && path.charAt(i - 1) == '/') {
                continue;
            }
            out.add(new Url(Cause.URL_PATH, "the path was sent with single slashes; it was signed with a double slash "
                    + "(a base URL ending in / joined with a path starting with /)",
                    origin + path.substring(0, i) + "/" + path.substring(i) + q));
        }
    }

    private static void encoding(String origin, String path, String query, List<Url> out) {
        String q = query == null ? "" : "?" + query;
        out.add(new Url(Cause.URL_ENCODING, "the URL was sent percent-encoded; it was signed with raw characters",
                origin + decode(path, false) + (query == null ? "" : "?" + decode(query, true))));
        if (query != null) {
            out.add(new Url(Cause.URL_ENCODING, "the query was sent with + for spaces; it was signed with %20", origin + path + "?" + query.replace("+", "%20")));
            out.add(new Url(Cause.URL_ENCODING, "the query was sent with %20 for spaces; it was signed with +", origin + path + "?" + query.replace("%20", "+")));
        }
        out.add(new Url(Cause.URL_ENCODING, "the URL was sent with percent-escapes in one letter case; it was signed in the other", origin + toggleHexCase(path + q)));
        out.add(new Url(Cause.URL_ENCODING, "the URL was sent with raw non-ASCII characters; it was signed with them percent-encoded", origin + encodeNonAscii(path + q)));
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
