package io.github.partnerapi.harness.stub;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Forwards requests to the upstream with Jetty's HTTP client, over a pool of kept-alive HTTP/1.1
 * connections: same method, the raw target appended to the upstream's origin, headers without hop-by-hop
 * ones, {@code Host} the upstream's, the body bytes unchanged. Asynchronous: no thread waits for the
 * upstream. Nothing is added (no {@code User-Agent}, {@code Accept-Encoding} or cookies of the client's
 * own) and nothing is interpreted (no redirects followed, no content decoded, no authentication). Thread-safe.
 */
final class Upstream implements AutoCloseable {

    /** RFC 9110 §7.6.1 hop-by-hop headers, never forwarded either way. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the client for the upstream ({@code Host}, {@code Content-Length}) or answered by the proxy. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect");

    private final String origin;
    /** The upstream's {@code Host}, given with each request: else the client builds a URI per request to find it. */
    private final HttpField host;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /**
     * @param tls null for the JVM's trust store
     * @param maxConnections connections kept to the upstream; requests beyond them wait in a queue
     */
    Upstream(String origin, SSLContext tls, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this.origin = origin;
        this.host = new HttpField(HttpHeader.HOST, URI.create(origin).getRawAuthority());
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.client = start(client(tls, maxConnections));
    }

    private HttpClient client(SSLContext tls, int maxConnections) {
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, Math.min(64, maxConnections)), 2);
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
        // daemon threads only (the client's default scheduler is not): an unclosed proxy does not keep the JVM alive
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("verifying-proxy-client-scheduler", true);
        connector.setScheduler(scheduler);
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        // the listeners (UpstreamRelay) never block: the answer is relayed on the thread that read it, not handed to another
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        HttpClient http = new HttpClient(transport);
        http.setScheduler(scheduler);
        http.setMaxConnectionsPerDestination(maxConnections);
        http.setMaxRequestsQueuedPerDestination(4 * maxConnections);
        http.setFollowRedirects(false);
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setUserAgentField(null);
        http.setDefaultRequestContentType(null);
        http.setIdleTimeout(responseTimeout.toMillis());
        http.setMaxResponseHeadersSize(64 * 1024);
        return http;
    }

    private HttpClient start(HttpClient http) {
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the client for the upstream " + origin + ": " + e.getMessage(), e);
        }
        // after start: the defaults are installed then; a proxy decodes nothing and answers no challenge itself
        http.getContentDecoderFactories().clear();
        http.getProtocolHandlers().clear();
        return http;
    }

    /** Why a request could not even be sent, in one line that names the upstream. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A request as the proxy received it; {@code body} is null when it had none (no length, no chunks). */
    record Outgoing(String method, byte[] target, HttpFields headers, byte[] body) {
    }

    String origin() {
        return origin;
    }

    /**
     * Sends the request; {@code answer} hears the upstream's answer as it arrives, or its failure. The
     * response timeout bounds the wait for the answer and every pause between two of its bytes.
     */
    void send(Outgoing outgoing, Response.Listener answer) throws Failure {
        Request request;
        try {
            request = client.newRequest(uri(outgoing.target())).method(outgoing.method())
                    .idleTimeout(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            throw new Failure("cannot forward this request to " + origin + ": " + e.getMessage(), e);
        }
        Set<String> listed = connectionTokens(outgoing.headers());
        request.headers(out -> {
            out.add(host);
            for (HttpField field : outgoing.headers()) {
                String name = field.getLowerCaseName();
                if (!SET_BY_CLIENT.contains(name) && isEndToEnd(name, listed)) {
                    out.add(field); // the field as parsed: no copy, no second lookup of its name
                }
            }
        });
        if (outgoing.body() != null) {
            request.body(new BytesRequestContent((String) null, outgoing.body()));
        }
        request.send(answer);
    }

    /**
     * The origin and the target's bytes; a target a URI cannot hold as it is (bytes over 0x7F, characters
     * a URI refuses) is sent with just those bytes percent-encoded.
     */
    private URI uri(byte[] target) {
        if (TargetEncoding.isAscii(target)) {
            try {
                return new URI(origin + new String(target, StandardCharsets.ISO_8859_1));
            } catch (java.net.URISyntaxException e) {
                // escaped below
            }
        }
        return URI.create(origin + TargetEncoding.escapeIllegal(target));
    }

    /** The header names a {@code Connection} header lists, lower case: they are hop-by-hop too. */
    static Set<String> connectionTokens(HttpFields fields) {
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

    /** Whether a header (lower-case name) travels on: neither hop-by-hop nor listed in {@code Connection}. */
    static boolean isEndToEnd(String lowerCaseName, Set<String> listedInConnection) {
        return !HOP_BY_HOP.contains(lowerCaseName) && !listedInConnection.contains(lowerCaseName);
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
        if (failure instanceof RejectedExecutionException) {
            return "too many requests are waiting for the upstream " + origin + " (" + failure.getMessage() + ")";
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
            client.stop();
        } catch (Exception e) {
            // stopping is best effort: the client's threads are daemons
        }
    }
}
