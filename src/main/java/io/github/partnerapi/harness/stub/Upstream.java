package io.github.partnerapi.harness.stub;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.io.ssl.SslClientConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Forwards requests to the upstream over a pool ({@link UpstreamPool}) of kept-alive HTTP/1.1 connections
 * ({@link UpstreamConnection}) on Jetty's {@link ClientConnector} (its selector, timeouts and TLS): same
 * method, the raw target appended to the upstream's origin, headers without hop-by-hop ones, {@code Host}
 * the upstream's, the body bytes unchanged. The request's bytes are written as they are and the answer is parsed by Jetty's HTTP parser, with
 * no client exchange built around them: a proxy sends what it received and interprets nothing (no redirects
 * followed, no content decoded, no cookies, no authentication, no header of its own). Asynchronous: no thread
 * waits for the upstream. Requests beyond the connections wait their turn in a bounded queue. Thread-safe.
 */
final class Upstream implements AutoCloseable {

    /** RFC 9110 §7.6.1 hop-by-hop headers, never forwarded either way. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the proxy for the upstream ({@code Host}, {@code Content-Length}) or answered by the proxy. */
    private static final Set<String> SET_BY_PROXY = Set.of("host", "content-length", "expect");
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final String FIRST_EXCHANGE = Upstream.class.getName() + ".first";

    private final String origin;
    private final String hostName;
    private final int port;
    /** The upstream's {@code Host}, given with each request. */
    private final HttpField host;
    private final ClientConnector connector;
    private final ClientConnectionFactory connections;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final UpstreamPool pool;

    /**
     * @param tls null for the JVM's trust store
     * @param maxConnections connections kept to the upstream; requests beyond them wait in a queue
     */
    Upstream(String origin, SSLContext tls, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        URI uri = URI.create(origin);
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        this.origin = origin;
        this.hostName = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        this.host = new HttpField(HttpHeader.HOST, uri.getRawAuthority());
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.pool = new UpstreamPool(origin, maxConnections, this::connect);
        this.connector = start(connector(tls));
        ClientConnectionFactory http = (endPoint, context) -> new UpstreamConnection(endPoint, pool,
                connector.getExecutor(), (UpstreamExchange) context.get(FIRST_EXCHANGE), MAX_HEADER_BYTES);
        this.connections = secure ? new SslClientConnectionFactory(connector.getSslContextFactory(),
                connector.getByteBufferPool(), connector.getExecutor(), http) : http;
    }

    private ClientConnector connector(SSLContext tls) {
        // the selector runs the connections' reading itself (they never block): the pool opens connections
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 2);
        threads.setName("verifying-proxy-client");
        threads.setDaemon(true);
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        if (tls != null) {
            ssl.setSslContext(tls);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(1);
        connector.setExecutor(threads);
        connector.setSslContextFactory(ssl);
        connector.setConnectTimeout(connectTimeout);
        connector.setIdleTimeout(responseTimeout);
        // daemon threads only (the connector's default scheduler is not): an unclosed proxy does not keep the JVM alive
        connector.setScheduler(new ScheduledExecutorScheduler("verifying-proxy-client-scheduler", true));
        return connector;
    }

    private ClientConnector start(ClientConnector connector) {
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the client for the upstream " + origin + ": " + e.getMessage(), e);
        }
        return connector;
    }

    /** Why a request could not even be sent, in one line that names the upstream. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** A request as the proxy received it; {@code body} is null when it had none (no length, no chunks). */
    record Outgoing(String method, byte[] target, HttpFields headers, byte[] body) {
    }

    /**
     * Hears one upstream answer as it arrives, on the thread that read it, so it must never block: the status
     * and headers, each piece of the body (the next is read once {@code demand} succeeds; the piece is valid
     * until then), then success or the failure.
     */
    interface Answer {
        void onHeaders(int status, HttpFields headers);

        void onContent(ByteBuffer piece, Callback demand);

        void onSuccess();

        void onFailure(Throwable failure);
    }

    /** Kept-alive connections waiting for a request. */
    int idleConnections() {
        return pool.idleConnections();
    }

    String origin() {
        return origin;
    }

    /**
     * Sends the request; {@code answer} hears the upstream's answer as it arrives, or its failure. The
     * response timeout bounds the wait for the answer and every pause between two of its bytes.
     */
    void send(Outgoing outgoing, Answer answer) throws Failure {
        ByteBuffer head = head(outgoing);
        ByteBuffer[] request = outgoing.body() == null ? new ByteBuffer[] {head}
                : new ByteBuffer[] {head, ByteBuffer.wrap(outgoing.body())};
        pool.dispatch(new UpstreamExchange(request, outgoing.method().equals("HEAD"), answer));
    }

    /**
     * The request line and headers as they go on the wire: the target as received when it is printable
     * ASCII, else with the bytes a request target cannot hold percent-encoded.
     */
    private ByteBuffer head(Outgoing outgoing) {
        byte[] target = TargetEncoding.isAscii(outgoing.target()) ? outgoing.target()
                : TargetEncoding.escapeIllegal(outgoing.target()).getBytes(StandardCharsets.US_ASCII);
        int size = outgoing.method().length() + target.length + 64 + host.getValue().length();
        for (HttpField field : outgoing.headers()) {
            size += field.getName().length() + field.getValue().length() + 4;
        }
        ByteBuffer head = BufferUtil.allocate(size);
        int start = BufferUtil.flipToFill(head);
        head.put(outgoing.method().getBytes(StandardCharsets.ISO_8859_1)).put((byte) ' ').put(target)
                .put(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        HttpGenerator.putTo(host, head);
        forEachEndToEnd(outgoing.headers(), SET_BY_PROXY, field -> HttpGenerator.putTo(field, head));
        if (outgoing.body() != null) {
            head.put(("Content-Length: " + outgoing.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        BufferUtil.putCRLF(head);
        BufferUtil.flipToFlush(head, start);
        return head;
    }

    /** Opens a connection (already counted) whose first exchange is {@code first}. */
    private void connect(UpstreamExchange first) {
        Map<String, Object> context = new HashMap<>();
        context.put(Transport.CONTEXT_KEY, Transport.TCP_IP);
        context.put(ClientConnectionFactory.CONTEXT_KEY, connections);
        context.put(FIRST_EXCHANGE, first);
        Promise<Connection> promise = Promise.from(opened -> { }, failure -> pool.notOpened(first, failure));
        context.put(ClientConnector.CONNECTION_PROMISE_CONTEXT_KEY, promise);
        try {
            // on a pool thread: the host name is looked up (blocking) for each new connection, never on an I/O thread
            connector.getExecutor().execute(() -> connector.connect(new InetSocketAddress(hostName, port), context));
        } catch (RejectedExecutionException e) {
            promise.failed(e);
        }
    }

    /**
     * Hands on the headers that travel on, either way: neither hop-by-hop, nor listed in {@code Connection},
     * nor one of {@code alsoDropped} (lower-case names).
     */
    static void forEachEndToEnd(HttpFields fields, Set<String> alsoDropped, Consumer<HttpField> each) {
        Set<String> listed = connectionTokens(fields);
        for (HttpField field : fields) {
            String name = field.getLowerCaseName();
            if (!HOP_BY_HOP.contains(name) && !listed.contains(name) && !alsoDropped.contains(name)) {
                each.accept(field);
            }
        }
    }

    /** The header names a {@code Connection} header lists, lower case: they are hop-by-hop too. */
    private static Set<String> connectionTokens(HttpFields fields) {
        if (!fields.contains(HttpHeader.CONNECTION)) {
            return Set.of(); // the usual case, without parsing a list
        }
        Set<String> tokens = new HashSet<>();
        for (String value : fields.getValuesList("connection")) {
            for (String token : value.split(",")) {
                tokens.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    /** Why the upstream gave no (whole) answer, in one line that names it and no class name. */
    String reason(Throwable failure) {
        Throwable root = root(failure);
        if (failure instanceof SocketTimeoutException || root instanceof SocketTimeoutException) {
            return "the upstream " + origin + " did not accept a connection within " + connectTimeout.toMillis() + " ms";
        }
        if (failure instanceof TimeoutException || root instanceof TimeoutException) {
            return "the upstream " + origin + " did not answer within " + responseTimeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException || root instanceof ConnectException) {
            return "cannot connect to the upstream " + origin + " (connection refused or unreachable)";
        }
        if (failure instanceof SSLException || root instanceof SSLException || root instanceof GeneralSecurityException) {
            return "TLS with the upstream " + origin + " failed: " + root.getMessage()
                    + " (for a private CA, give its certificate with --upstream-ca)";
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "cannot resolve the upstream's host " + hostName + " (" + origin + ")";
        }
        return "the upstream " + origin + " failed: " + (root.getMessage() == null ? "the connection broke"
                : root.getMessage());
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public void close() {
        try {
            connector.stop();
        } catch (Exception e) {
            // stopping is best effort: the connector's threads are daemons
        }
        pool.close();
    }
}
