package io.github.partnerapi.harness.stub;

import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP server under the stub (and any other local server of the harness, such as the verifying proxy):
 * Jetty's core handlers on one loopback connector, with the limits a server facing careless tests and
 * attackers needs. Every answer Jetty writes itself (a bad request line, headers over the limit, a timeout)
 * is JSON in the stub's error shape, by {@link JsonErrorHandler}; never HTML, never a Java class name.
 *
 * <p>Use: {@code JettyServer.start(JettyServer.Limits.defaults(port, threads), handler)}; the handler
 * reads the raw request target with {@link RawRequestLine#target(Request)} and answers
 * with {@link #send(Response, Callback, StubResponse)}.
 */
final class JettyServer implements AutoCloseable {

    /** Request line plus headers, in bytes; more gets 431 (Jetty counts them as they arrive). */
    static final int MAX_HEAD_BYTES = 32 * 1024;
    /** Header fields per request; more gets 431 (checked by {@link #headerProblem}). */
    static final int MAX_HEADER_COUNT = 100;

    /** The slowest body accepted: 1 KiB/s, measured over the request (408 below it). */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param port 0 for a free one
     * @param threads the most requests handled at once (reading a body holds no thread)
     * @param maxConnections open connections beyond this wait in the accept queue
     * @param idleTimeout a connection that sends nothing (or too little to finish a request) for this long is closed
     * @param selectors threads that select ready connections
     */
    record Limits(int port, int threads, int maxConnections, Duration idleTimeout, int selectors) {

        static Limits defaults(int port, int threads) {
            return new Limits(port, threads, 1000, Duration.ofSeconds(30), 1);
        }

        /** These limits with {@code count} selecting threads (1 by default). */
        Limits selectors(int count) {
            return new Limits(port, threads, maxConnections, idleTimeout, count);
        }
    }

    private JettyServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts a server on 127.0.0.1; {@link UncheckedIOException} naming the port when it cannot listen. */
    static JettyServer start(Limits limits, Handler handler) {
        return start(limits, handler, http -> http);
    }

    /**
     * As {@link #start(Limits, Handler)}, with the connections made by {@code front}, given the factory of
     * Jetty's own HTTP connections (which hand their requests to {@code handler}).
     */
    static JettyServer start(Limits limits, Handler handler, Function<HttpConnectionFactory, ConnectionFactory> front) {
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads() + 4, Math.min(4, limits.threads() + 4));
        pool.setName("verifier-stub");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        // daemon threads only, the scheduler's too: a stub or proxy left unclosed does not keep the JVM alive
        Server server = new Server(pool, new ScheduledExecutorScheduler(pool.getName() + "-scheduler", true), null);
        ServerConnector connector = new ServerConnector(server, 1, limits.selectors(),
                front.apply(new RawRequestLine.Factory(configuration())));
        connector.setHost("127.0.0.1");
        connector.setPort(limits.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrorHandler());
        // a body trickled slower than 1 KiB/s is cut (the idle timeout alone lets one byte a minute hold a connection)
        server.setHandler(new MinimumDataRateHandler(handler, MIN_BODY_BYTES_PER_SECOND, 0));
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + limits.port() + " (" + e.getMessage()
                    + "); choose another port, or 0 for a free one", new IOException(e.getMessage(), e));
        }
        return new JettyServer(server, connector);
    }

    private static HttpConfiguration configuration() {
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(MAX_HEAD_BYTES);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setSendDateHeader(false);
        // RFC 9110 as written: no header folding, no whitespace before ':', no bare LF; HTTP/1.1 needs Host
        config.setHttpCompliance(HttpCompliance.RFC9110);
        // the target is verified as received: nothing in it is decoded, normalised or refused as ambiguous
        config.setUriCompliance(UriCompliance.UNSAFE);
        return config;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Null when the request's headers are within the count limit, else the 431 to answer. */
    static StubResponse headerProblem(org.eclipse.jetty.server.Request request) {
        int count = request.getHeaders().size();
        if (count > MAX_HEADER_COUNT) {
            return StubResponse.error(431, "errHeadersTooLarge",
                    "the request has " + count + " header fields; at most " + MAX_HEADER_COUNT + " are accepted");
        }
        return null;
    }

    /** Writes {@code response} as JSON (or the raw bytes of static content) and completes the callback. */
    static void send(Response response, Callback callback, StubResponse answer) {
        boolean raw = answer.body() instanceof StaticContent.Raw;
        byte[] bytes = raw ? ((StaticContent.Raw) answer.body()).bytes() : json(answer.body());
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                raw ? ((StaticContent.Raw) answer.body()).contentType() : "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"code\":400,\"msg\":\"errBadRequest\",\"detail\":{\"reason\":\"the answer could not be "
                    + "written as JSON\"}}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: the threads are daemons
        }
    }
}
