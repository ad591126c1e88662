package io.github.partnerapi.harness.doctor;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw HTTP/1.1 requests (a proxy log, a hand-written file): request line, headers, blank line,
 * body. The URL is scheme + {@code ://} + Host + request target. The body is Content-Length bytes,
 * de-chunked for {@code Transfer-Encoding: chunked}, else the rest of the file as it is; requests with
 * a length may follow one another.
 */
final class HttpCapture {

    static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) HTTP/1\\.[01]");

    private final String name;
    private final String scheme;
    private final byte[] in;
    private int pos;
    private int line = 1;

    HttpCapture(String name, String scheme, byte[] in) {
        this.name = name;
        this.scheme = scheme;
        this.in = in;
    }

    List<CapturedRequest> read() {
        List<CapturedRequest> out = new ArrayList<>();
        skipBlankLines();
        while (pos < in.length) {
            out.add(request());
            skipBlankLines();
        }
        if (out.isEmpty()) {
            throw new CaptureException(name + ": no request line (METHOD /path HTTP/1.1) found");
        }
        return out;
    }

    private CapturedRequest request() {
        int startLine = line;
        String requestLine = nextLine();
        Matcher m = REQUEST_LINE.matcher(requestLine);
        if (!m.matches()) {
            throw new CaptureException(name + ": line " + startLine + ": expected a request line such as "
                    + "'POST /api/v1/p/company HTTP/1.1', got '" + requestLine + "'");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String header;
        while (!(header = nextLine()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new CaptureException(name + ": line " + (line - 1) + ": expected a header 'Name: value', got '" + header + "'");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip()));
        }
        byte[] body = body(headers, startLine);
        return new CapturedRequest(m.group(1), url(m.group(2), headers, startLine), headers, body, "line " + startLine);
    }

    private String url(String target, List<Map.Entry<String, String>> headers, int startLine) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return target;
        }
        String host = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Host")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new CaptureException(name + ": line " + startLine
                        + ": no Host header; the URL is scheme://Host + request target"));
        return scheme + "://" + host + target;
    }

    private byte[] body(List<Map.Entry<String, String>> headers, int startLine) {
        String length = value(headers, "Content-Length");
        String encoding = value(headers, "Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return chunked(startLine);
        }
        if (length != null) {
            if (!length.matches("\\d{1,10}")) {
                throw new CaptureException(name + ": line " + startLine + ": Content-Length '" + length + "' is not a number");
            }
            int n = Integer.parseInt(length);
            if (pos + n > in.length) {
                throw new CaptureException(name + ": line " + startLine + ": Content-Length is " + n + " but only "
                        + (in.length - pos) + " bytes follow the headers");
            }
            byte[] body = Arrays.copyOfRange(in, pos, pos + n);
            advance(n);
            return body;
        }
        byte[] rest = Arrays.copyOfRange(in, pos, in.length);
        pos = in.length;
        return rest;
    }

    private byte[] chunked(int startLine) {
        ByteSink out = new ByteSink(1024);
        while (true) {
            String size = nextLine().split(";", 2)[0].strip();
            if (!size.matches("[0-9a-fA-F]{1,8}")) {
                throw new CaptureException(name + ": line " + (line - 1) + ": expected a chunk size in hex, got '" + size + "'");
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                while (pos < in.length && !nextLine().isEmpty()) {
                    // trailers
                }
                return out.toByteArray();
            }
            if (pos + n > in.length) {
                throw new CaptureException(name + ": line " + startLine + ": a chunk of " + n + " bytes runs past the end");
            }
            out.write(in, pos, n);
            advance(n);
            nextLine();
        }
    }

    private static String value(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void advance(int n) {
        for (int i = pos; i < pos + n; i++) {
            line += in[i] == '\n' ? 1 : 0;
        }
        pos += n;
    }

    /** A line without its CRLF or LF. */
    private String nextLine() {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        int end = pos > start && in[pos - 1] == '\r' ? pos - 1 : pos;
        if (pos < in.length) {
            pos++;
            line++;
        }
        return new String(in, start, end - start, StandardCharsets.UTF_8);
    }

    private void skipBlankLines() {
        while (pos < in.length && (in[pos] == '\n' || in[pos] == '\r' || in[pos] == ' ')) {
            line += in[pos] == '\n' ? 1 : 0;
            pos++;
        }
    }
}
