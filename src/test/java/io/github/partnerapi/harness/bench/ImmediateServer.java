package io.github.partnerapi.harness.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The far end of the filter benchmarks: an in-process server that reads each request and answers {@code 200 {}} at once. */
final class ImmediateServer implements AutoCloseable {

    static {
        // Without it the JDK server's answers wait for delayed ACKs (~40 ms) now and then: noise, not cost.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService pool;

    ImmediateServer(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
            exchange.close();
        });
        server.start();
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
