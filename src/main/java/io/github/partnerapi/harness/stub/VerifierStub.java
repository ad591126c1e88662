package io.github.partnerapi.harness.stub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local server that authenticates exactly like the Partner API (401 {@code errPartnerAuth}) and
 * serves an in-memory part of it under {@code /api/v1/p}. Thread-safe; close it to stop it.
 *
 * <pre>{@code
 * StubCredentials creds = StubCredentials.generate();
 * try (VerifierStub stub = VerifierStub.builder()
 *         .apiKey(creds.apiKey().value(), creds.keyPair().getPublic())
 *         .build()) {
 *     given().baseUri(stub.baseUri()).filter(filter).get("/assets").then().statusCode(200);
 * }
 * }</pre>
 *
 * <p>Its request journal is at {@code GET /__stub/requests} and {@link #requests()}.
 */
public final class VerifierStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestJournal journal;
    private final StubMode mode;
    private final CompanyStore companies;
    private volatile boolean running = true;

    VerifierStub(VerifierStubBuilder config, Authenticator authenticator) {
        this.mode = config.mode;
        this.journal = new RequestJournal(config.journalSize);
        this.companies = new CompanyStore(config.limits);
        StubHandler handler = new StubHandler(authenticator, new PartnerApiRoutes(companies), journal,
                config.bodyLimit, config.signedBaseUrl);
        // The JDK server writes headers and body apart; with Nagle on, each answer waits for a delayed ACK (~40 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + config.port
                    + " (" + e.getMessage() + "); choose another port, or 0 for a free one", e);
        }
        executor = Executors.newFixedThreadPool(config.threads, runnable -> {
            Thread thread = new Thread(runnable, "verifier-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /** A builder; at least one {@code apiKey(key, publicKey)} is needed. */
    public static VerifierStubBuilder builder() {
        return new VerifierStubBuilder();
    }

    /** The Partner API base URI, e.g. {@code http://127.0.0.1:PORT/api/v1/p}. */
    public String baseUri() {
        return rootUri() + StubHandler.API_BASE;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String rootUri() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public StubMode mode() {
        return mode;
    }

    /** The last requests seen, oldest first (bounded). */
    public List<JournalEntry> requests() {
        return journal.entries();
    }

    /** Empties the request journal. */
    public void clearRequests() {
        journal.clear();
    }

    /** How many companies the in-memory API holds. */
    public int companyCount() {
        return companies.size();
    }

    /** False once {@link #close()} has been called. */
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "VerifierStub[" + baseUri() + ", " + mode.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
