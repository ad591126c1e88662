package io.github.partnerapi.harness.stub;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Strict verdicts in front of a target that checks less (the public sandbox checks only the API
 * key): every request is authenticated exactly as the strict {@link VerifierStub} does, answered
 * with a header {@code x-partnerapi-verdict} ({@code valid}, or the stub's reason, with the
 * signature doctor's cause for {@code signature}), and forwarded unchanged to the upstream, or,
 * when enforcing, refused with the stub's 401. Thread-safe; close it to stop it.
 *
 * <pre>{@code
 * try (VerifyingProxy proxy = VerifyingProxy.builder()
 *         .upstream("https://sandbox-api.qredo.network")
 *         .apiKey(apiKey, publicKey)
 *         .build()) {
 *     given().baseUri(proxy.rootUri() + "/api/v1/p").filter(filter).get("/assets")
 *             .then().header("x-partnerapi-verdict", "valid");
 * }
 * }</pre>
 *
 * <p>Its journal is at {@code GET /__proxy/requests} and {@link #requests()}.
 */
public final class VerifyingProxy implements AutoCloseable {

    private final JettyServer server;
    private final Upstream upstream;
    private final ProxyJournal journal;
    private final boolean enforce;
    private final LongAdder handedToJetty = new LongAdder();

    VerifyingProxy(VerifyingProxyBuilder config, Authenticator authenticator, SignatureExplainer explainer) {
        this.enforce = config.enforce;
        this.journal = new ProxyJournal(config.journalSize);
        this.upstream = new Upstream(config.upstream, UpstreamTls.context(config.upstreamCas), config.connectTimeout,
                config.upstreamTimeout, config.threads);
        try {
            ProxyGate gate = new ProxyGate(authenticator, explainer, upstream, journal, config);
            // the stub's request threads: no thread waits for the upstream; one per forward (up to 260) measured the
            // same requests/s with 130-150 threads instead of 40 and 486 MiB resident instead of 453 (BENCHMARKS.md).
            // A selector a processor: the proxy's connections verify on the thread that selects (ProxyConnection);
            // 2 on 2 cores measured 1.03-1.18 x the requests/s of 1 in 5 of 5 interleaved pairs (BENCHMARKS.md)
            server = JettyServer.start(JettyServer.Limits.defaults(config.port, VerifierStubBuilder.DEFAULT_THREADS)
                            .selectors(Runtime.getRuntime().availableProcessors()),
                    new ProxyHandler(gate, new BodyReader(config.bodyLimit, BodyReader.DEFAULT_IN_FLIGHT)),
                    http -> new ProxyConnection.Factory(http, gate, config.bodyLimit, handedToJetty));
        } catch (RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    /** A builder; {@code upstream(url)} and at least one {@code apiKey(key, publicKey)} are needed. */
    public static VerifyingProxyBuilder builder() {
        return new VerifyingProxyBuilder();
    }

    /** {@code http://127.0.0.1:PORT}: a client's base URI is this plus the path it would use upstream. */
    public String rootUri() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    /** The upstream's {@code scheme://host[:port]}. */
    public String upstream() {
        return upstream.origin();
    }

    public boolean enforcing() {
        return enforce;
    }

    /** The last requests seen, oldest first (bounded). */
    public List<ProxyJournalEntry> requests() {
        return journal.entries();
    }

    /** Empties the journal. */
    public void clearRequests() {
        journal.clear();
    }

    /**
     * Kept-alive upstream connections waiting for a request. A connection comes back to the pool just after
     * the client has its answer, so a client that sends at once may find none and get a new one.
     */
    int idleUpstreamConnections() {
        return upstream.idleConnections();
    }

    /** Requests that arrived in a form (or in pieces) that its connections leave to Jetty's server. */
    long requestsHandedToJetty() {
        return handedToJetty.sum();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            upstream.close();
        }
    }

    @Override
    public String toString() {
        return "VerifyingProxy[" + rootUri() + " -> " + upstream.origin() + (enforce ? ", enforcing" : "") + "]";
    }
}
