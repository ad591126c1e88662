package io.github.partnerapi.harness.stub;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Keeps the request target's bytes exactly as received. Jetty's parser decodes the target as UTF-8 and
 * refuses a request whose target is not valid UTF-8; a verifier must check the signature over the bytes
 * sent, whatever they are. So the parser is handed the request line with every byte over 0x7F replaced by
 * {@code x} (same length, so its limits count the same), and the bytes as received are kept beside it for
 * {@link #target(Request)}. HTTP/1.1 parses a connection's requests one after the other, so the line kept is
 * the line of the request being handled.
 */
final class RawRequestLine {

    private RawRequestLine() {
    }

    /** The request target as received (origin form: path and query), or null for a request not read by us. */
    static byte[] target(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (connection instanceof RawLineConnection raw && raw.getParser() instanceof RawLineParser parser) {
            return parser.target();
        }
        return null;
    }

    /** An {@link HttpConnectionFactory} whose connections keep the raw request line. */
    static final class Factory extends HttpConnectionFactory {

        Factory(HttpConfiguration config) {
            super(config);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            RawLineConnection connection = new RawLineConnection(getHttpConfiguration(), connector, endPoint);
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }

    private static final class RawLineConnection extends HttpConnection {

        RawLineConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpParser plain = super.newHttpParser(compliance);
            RawLineParser parser = new RawLineParser((HttpParser.RequestHandler) plain.getHandler(),
                    getHttpConfiguration().getRequestHeaderSize(), compliance);
            parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
            return parser;
        }
    }

    private static final class RawLineParser extends HttpParser {

        private final int maxLine;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

        RawLineParser(RequestHandler handler, int maxLine, HttpCompliance compliance) {
            super(handler, maxLine, compliance);
            this.maxLine = maxLine;
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            State state = getState();
            if (state == State.START) {
                line.reset();
            }
            if (inRequestLine(state)) {
                keep(buffer);
            }
            return super.parseNext(buffer);
        }

        private static boolean inRequestLine(State state) {
            return state == State.START || state == State.METHOD || state == State.SPACE1 || state == State.URI
                    || state == State.SPACE2 || state == State.REQUEST_VERSION;
        }

        /** Copies the unread part of the request line, then masks its non-ASCII bytes for the parser. */
        private void keep(ByteBuffer buffer) {
            int start = buffer.position();
            int end = start;
            boolean masked = false;
            while (end < buffer.limit() && buffer.get(end) != '\n') {
                masked |= buffer.get(end) < 0;
                end++;
            }
            int length = Math.min(end - start + (end < buffer.limit() ? 1 : 0), maxLine + 1 - line.size());
            if (length > 0) {
                byte[] bytes = new byte[length];
                buffer.get(start, bytes);
                line.write(bytes, 0, length);
            }
            for (int i = start; masked && i < end; i++) {
                if (buffer.get(i) < 0) {
                    buffer.put(i, (byte) 'x');
                }
            }
        }

        /** The bytes between the first and the second space of the line, leading blank lines skipped. */
        byte[] target() {
            byte[] bytes = line.toByteArray();
            int start = 0;
            while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
                start++;
            }
            int first = indexOf(bytes, (byte) ' ', start);
            int second = first < 0 ? -1 : indexOf(bytes, (byte) ' ', first + 1);
            return second < 0 ? new byte[0] : Arrays.copyOfRange(bytes, first + 1, second);
        }

        private static int indexOf(byte[] bytes, byte wanted, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}
