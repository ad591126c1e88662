package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.SignatureVerifier;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configures and starts a {@link VerifierStub}.
 *
 * <pre>{@code
 * VerifierStub stub = VerifierStub.builder()
 *         .apiKey("bXlBcGlLZXk=", publicKey)
 *         .mode(StubMode.STRICT)
 *         .timestampWindow(Duration.ofSeconds(300))
 *         .explain(true)
 *         .build();
 * }</pre>
 */
public final class VerifierStubBuilder {

    /** Request threads unless set: 4 per processor, at least 8 (the proxy's request threads too). */
    static final int DEFAULT_THREADS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);

    int port;
    final Map<String, SignatureVerifier> keys = new LinkedHashMap<>();
    StubMode mode = StubMode.STRICT;
    Duration window = Duration.ofSeconds(300);
    Clock clock = Clock.systemUTC();
    long bodyLimit = 10L * 1024 * 1024;
    boolean explain;
    String signedBaseUrl;
    int journalSize = 200;
    long journalBytes = RequestJournal.DEFAULT_BYTES;
    long bodyBudget = BodyReader.DEFAULT_IN_FLIGHT;
    StoreLimits limits = StoreLimits.defaults();
    int threads = DEFAULT_THREADS;

    VerifierStubBuilder() {
    }

    /** The port to listen on, 0 (the default) for a free one. */
    public VerifierStubBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + value);
        }
        this.port = value;
        return this;
    }

    /** Accepts {@code apiKey}, verifying its signatures with {@code publicKey}. */
    public VerifierStubBuilder apiKey(String apiKey, PublicKey publicKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be empty");
        }
        keys.put(apiKey.strip(), SignatureVerifier.of(publicKey));
        return this;
    }

    /** {@link StubMode#STRICT} (default) or {@link StubMode#SANDBOX}. */
    public VerifierStubBuilder mode(StubMode value) {
        this.mode = java.util.Objects.requireNonNull(value, "mode");
        return this;
    }

    /** How far {@code x-timestamp} may be from the stub's clock, either way (default 300 s). */
    public VerifierStubBuilder timestampWindow(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("timestampWindow must not be negative, got " + value);
        }
        this.window = value;
        return this;
    }

    /** The clock timestamps are checked against. */
    public VerifierStubBuilder clock(Clock value) {
        this.clock = java.util.Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The largest body accepted, in bytes (default 10 MiB); larger ones get 413. */
    public VerifierStubBuilder bodyLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bodyLimit must not be negative, got " + bytes);
        }
        this.bodyLimit = bytes;
        return this;
    }

    /** Whether a {@code signature} 401 explains what was verified (default off, like the real API). */
    public VerifierStubBuilder explain(boolean value) {
        this.explain = value;
        return this;
    }

    /**
     * Verify against this scheme and host (e.g. {@code https://api.qredo.network}) instead of
     * {@code http://} + the Host header, so requests signed for a real host can be replayed here.
     */
    public VerifierStubBuilder signedBaseUrl(String url) {
        if (url != null && !url.matches("https?://[^/?#]+/?")) {
            throw new IllegalArgumentException("signedBaseUrl must be scheme://host[:port], e.g. "
                    + "https://api.qredo.network, got '" + url + "'");
        }
        this.signedBaseUrl = url == null ? null : url.replaceAll("/$", "");
        return this;
    }

    /** How many requests the journal keeps (default 200). */
    public VerifierStubBuilder journalSize(int entries) {
        if (entries < 0 || entries > 100_000) {
            throw new IllegalArgumentException("journalSize must be 0 to 100000, got " + entries);
        }
        this.journalSize = entries;
        return this;
    }

    /**
     * The journal's byte budget (default 2 MiB): the oldest entries go once the entries' text passes it.
     * Bodies are kept there up to their first 4 KiB, with their full length.
     */
    public VerifierStubBuilder journalBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("journalBytes must not be negative, got " + bytes);
        }
        this.journalBytes = bytes;
        return this;
    }

    /**
     * The bytes of request bodies held at once (default 64 MiB): a request whose body would pass it gets 429
     * (one body is always accepted up to {@link #bodyLimit(long)}).
     */
    public VerifierStubBuilder bodyBudget(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bodyBudget must be at least 1, got " + bytes);
        }
        this.bodyBudget = bytes;
        return this;
    }

    /** How many companies the in-memory API keeps before evicting the oldest (default 10,000). */
    public VerifierStubBuilder maxCompanies(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxCompanies must be at least 1, got " + count);
        }
        this.limits = limits.withMaxCompanies(count);
        return this;
    }

    /**
     * The estimated heap all companies and what they hold may take (default 48 MiB); beyond it the
     * oldest companies are evicted, with their funds, wallets and transactions.
     */
    public VerifierStubBuilder storeBytes(long bytes) {
        this.limits = limits.withStoreBytes(atLeast("storeBytes", bytes, 64 * 1024));
        return this;
    }

    /** The estimated heap one company and what it holds may take (default 4 MiB); a write beyond it is a 400. */
    public VerifierStubBuilder companyBytes(long bytes) {
        this.limits = limits.withCompanyBytes(atLeast("companyBytes", bytes, 4 * 1024));
        return this;
    }

    /** The estimated heap of the company-name search index (default 24 MiB); beyond it the oldest companies go. */
    public VerifierStubBuilder searchIndexBytes(long bytes) {
        this.limits = limits.withIndexBytes(atLeast("searchIndexBytes", bytes, 64 * 1024));
        return this;
    }

    /**
     * What every new wallet starts with, in the asset's smallest unit (default 100,000,000: one BTC),
     * so that a transfer, withdrawal or swap from it can succeed; spending more is a 400.
     */
    public VerifierStubBuilder initialWalletBalance(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("initialWalletBalance must not be negative, got " + amount);
        }
        this.limits = limits.withInitialBalance(amount);
        return this;
    }

    private static long atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + " bytes, got " + value);
        }
        return value;
    }

    /** How many requests are handled at once (default: 4 per processor, at least 8); reading bodies holds none. */
    public VerifierStubBuilder threads(int count) {
        if (count < 1 || count > 1024) {
            throw new IllegalArgumentException("threads must be 1 to 1024, got " + count);
        }
        this.threads = count;
        return this;
    }

    /** Starts the stub. */
    public VerifierStub build() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("VerifierStub: at least one apiKey(key, publicKey) is required; "
                    + "StubCredentials.generate() makes one");
        }
        SignatureExplainer explainer = explain ? new SignatureExplainer(keys, signedBaseUrl) : null;
        RequestJournal journal = new RequestJournal(journalSize, journalBytes);
        Authenticator authenticator = new Authenticator(keys, mode, window, clock, explainer, journal::nextSequence);
        return new VerifierStub(this, authenticator, journal);
    }
}
