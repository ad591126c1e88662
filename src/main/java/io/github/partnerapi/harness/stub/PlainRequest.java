package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The request a {@link ProxyConnection} is reading, as {@link PlainHead} or (where that declines) Jetty's
 * {@link HttpParser} hands it over, and whether it is one of the plain ones that the connection answers
 * itself: HTTP/1.1, one {@code Host}, an origin-form ASCII target that is not the journal ({@link #plain}),
 * a {@code Content-Length} within {@code bodyMax} or no body, none of the fields {@link #LEFT_TO_JETTY}, at
 * most {@value JettyServer#MAX_HEADER_COUNT} header fields. Anything else is left to Jetty's server.
 */
final class PlainRequest implements HttpParser.RequestHandler {

    /** Fields whose handling is Jetty's: a request with any of them is left to Jetty's server. */
    static final Set<HttpHeader> LEFT_TO_JETTY = EnumSet.of(HttpHeader.CONNECTION, HttpHeader.EXPECT,
            HttpHeader.UPGRADE, HttpHeader.TE, HttpHeader.TRANSFER_ENCODING);

    private final long bodyMax;
    private String method;
    private String target;
    private HttpFields.Mutable headers;
    private String host;
    private long length;
    private byte[] body;
    private int bodySize;
    private boolean leftToJetty;
    private HttpException refused;

    PlainRequest(long bodyMax) {
        this.bodyMax = bodyMax;
    }

    /** Ready for the next request. */
    void reset() {
        method = null;
        body = null;
        headers = null;
        leftToJetty = false;
        refused = null;
    }

    /** The request line was parsed. */
    boolean lineParsed() {
        return method != null;
    }

    boolean leftToJetty() {
        return leftToJetty;
    }

    /** Why the parser refused the request, or null. */
    HttpException refused() {
        return refused;
    }

    boolean head() {
        return "HEAD".equals(method);
    }

    StubHandler.Received received() {
        return StubHandler.Received.of(method, target.getBytes(StandardCharsets.US_ASCII), host, headers, length);
    }

    Body body() {
        return body == null ? Body.EMPTY : Body.of(body);
    }

    /** The request line, as {@link PlainHead} read it. */
    void line(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** The rest of a request {@link PlainHead} read whole; {@code body} null when it has none. */
    void read(HttpFields.Mutable headers, String host, long length, byte[] body) {
        this.headers = headers;
        this.host = host;
        this.length = length;
        this.body = body;
    }

    @Override
    public void startRequest(String method, String uri, HttpVersion version) {
        this.method = method;
        this.target = uri;
        this.headers = HttpFields.build();
        this.host = null;
        this.length = -1;
        this.body = null;
        this.bodySize = 0;
        this.leftToJetty = version != HttpVersion.HTTP_1_1 || !plain(uri);
    }

    /** An origin-form target of printable ASCII, not the proxy's journal. */
    static boolean plain(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/' || uri.startsWith(ProxyHandler.JOURNAL)) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (leftToJetty) {
            return;
        }
        headers.add(field);
        leftToJetty = headers.size() > JettyServer.MAX_HEADER_COUNT;
        if (field.getHeader() == HttpHeader.HOST) {
            leftToJetty |= host != null;
            host = field.getValue();
        } else if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
            length = field.getLongValue();
        } else {
            leftToJetty |= LEFT_TO_JETTY.contains(field.getHeader());
        }
    }

    /** True (parsing stops) when the request is left to Jetty. */
    @Override
    public boolean headerComplete() {
        leftToJetty |= host == null || length > bodyMax;
        if (!leftToJetty && length >= 0) {
            body = new byte[(int) length];
        }
        return leftToJetty;
    }

    @Override
    public boolean content(ByteBuffer piece) {
        int n = piece.remaining();
        piece.get(body, bodySize, n);
        bodySize += n;
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    /** True: parsing stops after each request, which is answered before the next is read. */
    @Override
    public boolean messageComplete() {
        return true;
    }

    @Override
    public void earlyEOF() {
        leftToJetty = true;
    }

    @Override
    public void badMessage(HttpException failure) {
        refused = failure;
        leftToJetty = true;
    }
}
