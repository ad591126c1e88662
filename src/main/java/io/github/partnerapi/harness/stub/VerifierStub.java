package io.github.partnerapi.harness.stub;

import java.util.List;

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
 * <p>Its request journal is at {@code GET /__stub/requests} and {@link #requests()}. It runs on Jetty with
 * bounded memory: bodies over {@link VerifierStubBuilder#bodyLimit(long)} get 413, request lines and headers
 * over 32 KiB (or over 100 fields) get 431, a connection idle for 30 s is closed, and every error is JSON.
 */
public final class VerifierStub implements AutoCloseable {

    private final JettyServer server;
    private final RequestJournal journal;
    private final StubMode mode;
    private final CompanyStore companies;
    private final BodyReader bodies;
    private volatile boolean running = true;

    VerifierStub(VerifierStubBuilder config, Authenticator authenticator, RequestJournal journal) {
        this.mode = config.mode;
        this.journal = journal;
        this.companies = new CompanyStore(config.limits);
        this.bodies = new BodyReader(config.bodyLimit, config.bodyBudget);
        StubHandler handler = new StubHandler(authenticator, new PartnerApiRoutes(companies), journal, bodies,
                config.signedBaseUrl);
        server = JettyServer.start(JettyServer.Limits.defaults(config.port, config.threads), handler);
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
        return server.port();
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

    /** Bytes of request bodies held at this moment, counted against {@link VerifierStubBuilder#bodyBudget(long)}. */
    long bodyBytesHeld() {
        return bodies.held();
    }

    /** False once {@link #close()} has been called. */
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        server.close();
    }

    @Override
    public String toString() {
        return "VerifierStub[" + baseUri() + ", " + mode.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
