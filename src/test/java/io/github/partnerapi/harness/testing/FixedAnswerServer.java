package io.github.partnerapi.harness.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local Partner API impostor: every request, whatever its path, gets the same status and JSON body. */
public final class FixedAnswerServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    public FixedAnswerServer(int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                out.write(body);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** The impostor's Partner API base URI, {@code http://127.0.0.1:PORT/api/v1/p}. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/p";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
