package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A strict, fast reading of a plain request ({@link PlainRequest}) whose head and body have arrived whole,
 * for the proxy's own connections. It accepts a narrow subset of HTTP/1.1 and declines everything else, to be
 * read by Jetty's {@code HttpParser} (which decides what is refused): an upper-case method, an origin-form
 * target of printable ASCII, {@code HTTP/1.1}, CRLF line ends, field names of token characters followed at
 * once by {@code :}, values of printable ASCII, spaces and tabs, one valid {@code Host}, at most one
 * {@code Content-Length} of digits, the rest of {@link PlainRequest}'s rules. Field names stay as sent (Jetty's
 * parser writes some known ones in its own case, some not). Why not the parser for these too: it reads a head
 * byte by byte through a state machine, 5 µs for a benchmark POST with its 342-character signature, against
 * about 1 µs here (BENCHMARKS.md).
 */
final class PlainHead {

    /** Not enough bytes yet for the head and body announced. */
    static final int PARTIAL = 0;
    /** Not a request this reader accepts: the parser reads it. */
    static final int DECLINED = -1;

    private static final byte[] VERSION = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c : "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private PlainHead() {
    }

    /**
     * Reads the request at {@code buffer}'s position (which stays) into {@code request}: its length in bytes,
     * head and body, or {@link #PARTIAL} or {@link #DECLINED}.
     */
    static int read(ByteBuffer buffer, long bodyMax, PlainRequest request) {
        int start = buffer.position();
        int end = headEnd(buffer, start);
        if (end < 0) {
            return end == -1 && buffer.limit() < buffer.capacity() ? PARTIAL : DECLINED;
        }
        int at = requestLine(buffer, start, end, request);
        HttpFields.Mutable headers = HttpFields.build();
        String host = null;
        long length = -1;
        while (at > 0 && at < end) {
            int eol = indexOf(buffer, '\r', at, end + 2);
            HttpField field = field(buffer, at, eol);
            if (field == null || headers.size() == JettyServer.MAX_HEADER_COUNT) {
                return DECLINED;
            }
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.HOST) {
                if (host != null || (field = host(field.getValue())) == null) {
                    return DECLINED;
                }
                host = field.getValue();
            } else if (header == HttpHeader.CONTENT_LENGTH) {
                if (length >= 0 || (length = digits(field.getValue())) < 0) {
                    return DECLINED;
                }
            } else if (PlainRequest.LEFT_TO_JETTY.contains(header)) {
                return DECLINED;
            }
            headers.add(field);
            at = eol + 2;
        }
        if (at < 0 || host == null || length > bodyMax) {
            return DECLINED;
        }
        int size = end + 4 - start + (int) Math.max(length, 0);
        if (size > buffer.remaining()) {
            return size <= buffer.capacity() ? PARTIAL : DECLINED;
        }
        byte[] body = length < 0 ? null : new byte[(int) length];
        if (body != null) {
            buffer.get(end + 4, body);
        }
        request.read(headers, host, length, body);
        return size;
    }

    /**
     * Where the blank line that ends the head begins; -1 when it has not arrived (and every byte so far is
     * printable ASCII, a tab or a CRLF), -2 for any other byte.
     */
    private static int headEnd(ByteBuffer buffer, int from) {
        int limit = buffer.limit();
        for (int i = from; i < limit; i++) {
            byte b = buffer.get(i);
            if (b >= 0x20 && b < 0x7F || b == '\t') {
                continue;
            }
            if (b != '\r' || i + 1 < limit && buffer.get(i + 1) != '\n') {
                return -2;
            }
            if (i + 3 < limit && buffer.get(i + 2) == '\r' && buffer.get(i + 3) == '\n') {
                return i;
            }
            if (i + 3 >= limit) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Reads {@code METHOD /target HTTP/1.1}; the start of the first field line, or -1 when declined. */
    private static int requestLine(ByteBuffer buffer, int start, int end, PlainRequest request) {
        int space = start;
        while (space < end && buffer.get(space) >= 'A' && buffer.get(space) <= 'Z') {
            space++;
        }
        int eol = indexOf(buffer, '\r', start, end + 2);
        int version = eol - VERSION.length + 2;
        if (space == start || space - start > 16 || buffer.get(space) != ' ' || version <= space + 1
                || buffer.get(space + 1) != '/' || indexOf(buffer, ' ', space + 1, version) >= 0) {
            return -1;
        }
        for (int i = 0; i < VERSION.length; i++) {
            if (buffer.get(version + i) != VERSION[i]) {
                return -1;
            }
        }
        String target = ascii(buffer, space + 1, version);
        if (!PlainRequest.plain(target)) {
            return -1;
        }
        request.line(ascii(buffer, start, space), target);
        return eol + 2;
    }

    /** {@code name: value} with optional white space around the value; null when declined. */
    private static HttpField field(ByteBuffer buffer, int from, int eol) {
        int colon = from;
        while (colon < eol && buffer.get(colon) > 0 && TOKEN[buffer.get(colon)]) {
            colon++;
        }
        if (colon == from || colon == eol || buffer.get(colon) != ':') {
            return null;
        }
        int value = colon + 1;
        int valueEnd = eol;
        while (value < valueEnd && isBlank(buffer.get(value))) {
            value++;
        }
        while (valueEnd > value && isBlank(buffer.get(valueEnd - 1))) {
            valueEnd--;
        }
        String name = ascii(buffer, from, colon);
        return new HttpField(HttpHeader.CACHE.get(name), name, ascii(buffer, value, valueEnd));
    }

    private static HttpField host(String value) {
        try {
            return new HostPortHttpField(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** 1 to 18 digits as a number, else -1. */
    private static long digits(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int indexOf(ByteBuffer buffer, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer buffer, int from, int to) {
        byte[] bytes = new byte[to - from];
        buffer.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
