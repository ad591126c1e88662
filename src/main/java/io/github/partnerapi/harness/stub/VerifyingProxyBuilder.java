package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.SignatureVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Configures and starts a {@link VerifyingProxy}.
 *
 * <pre>{@code
 * VerifyingProxy proxy = VerifyingProxy.builder()
 *         .upstream("https://sandbox-api.qredo.network")
 *         .apiKey(apiKey, publicKey)
 *         .enforce(true)
 *         .build();
 * }</pre>
 */
public final class VerifyingProxyBuilder {

    int port;
    String upstream;
    final Map<String, SignatureVerifier> keys = new LinkedHashMap<>();
    boolean enforce;
    String signedBaseUrl;
    Duration window = Duration.ofSeconds(300);
    Clock clock = Clock.systemUTC();
    final List<X509Certificate> upstreamCas = new ArrayList<>();
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration upstreamTimeout = Duration.ofSeconds(30);
    long bodyLimit = 10L * 1024 * 1024;
    int journalSize = 200;
    int threads = 256;

    VerifyingProxyBuilder() {
    }

    /** The upstream's {@code scheme://host[:port]}, http or https; each request's own target is appended. */
    public VerifyingProxyBuilder upstream(String url) {
        Objects.requireNonNull(url, "upstream");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("upstream must be a URL such as https://sandbox-api.qredo.network, got '"
                    + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream must be an http:// or https:// URL with a host, got '" + url + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("upstream takes scheme://host[:port] only, each request's own path is "
                    + "appended (give " + scheme + "://" + uri.getRawAuthority() + ", not '" + url + "')");
        }
        this.upstream = scheme + "://" + uri.getRawAuthority();
        return this;
    }

    /** The port to listen on, 0 (the default) for a free one. */
    public VerifyingProxyBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + value);
        }
        this.port = value;
        return this;
    }

    /** Accepts {@code apiKey}, verifying its signatures with {@code publicKey}. */
    public VerifyingProxyBuilder apiKey(String apiKey, PublicKey publicKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be empty");
        }
        keys.put(apiKey.strip(), SignatureVerifier.of(publicKey));
        return this;
    }

    /** Answer a request that fails authentication with the stub's 401 instead of forwarding it (default off). */
    public VerifyingProxyBuilder enforce(boolean value) {
        this.enforce = value;
        return this;
    }

    /**
     * Verify against this scheme and host (e.g. {@code https://api.qredo.network}) and the raw target,
     * for clients that sign the real host's URL and reach the proxy by DNS or configuration.
     */
    public VerifyingProxyBuilder signedBaseUrl(String url) {
        if (url != null && !url.matches("https?://[^/?#]+/?")) {
            throw new IllegalArgumentException("signedBaseUrl must be scheme://host[:port], e.g. "
                    + "https://api.qredo.network, got '" + url + "'");
        }
        this.signedBaseUrl = url == null ? null : url.replaceAll("/$", "");
        return this;
    }

    /** How far {@code x-timestamp} may be from the proxy's clock, either way (default 300 s, as the stub). */
    public VerifyingProxyBuilder timestampWindow(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("timestampWindow must not be negative, got " + value);
        }
        this.window = value;
        return this;
    }

    /** The clock timestamps are checked against. */
    public VerifyingProxyBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Also trust the CA certificates in this PEM file for an https upstream (the JVM's trust store stays). */
    public VerifyingProxyBuilder upstreamCa(Path pemFile) {
        upstreamCas.addAll(UpstreamTls.readPem(pemFile));
        return this;
    }

    /** Also trust this CA certificate for an https upstream (the JVM's trust store stays). */
    public VerifyingProxyBuilder upstreamCa(X509Certificate certificate) {
        upstreamCas.add(Objects.requireNonNull(certificate, "certificate"));
        return this;
    }

    /** How long opening a connection to the upstream may take (default 10 s); then 502. The TLS handshake after it is bounded by {@link #upstreamTimeout}. */
    public VerifyingProxyBuilder connectTimeout(Duration value) {
        this.connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    /** How long the upstream may take to start its answer, and at most between two of its body's bytes (default 30 s). */
    public VerifyingProxyBuilder upstreamTimeout(Duration value) {
        this.upstreamTimeout = positive(value, "upstreamTimeout");
        return this;
    }

    /** The largest request body accepted, in bytes (default 10 MiB, as the stub); larger ones get 413. */
    public VerifyingProxyBuilder bodyLimit(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("bodyLimit must be 0 to " + (Integer.MAX_VALUE - 16) + ", got " + bytes);
        }
        this.bodyLimit = bytes;
        return this;
    }

    /** How many requests the journal keeps (default 200). */
    public VerifyingProxyBuilder journalSize(int entries) {
        if (entries < 0 || entries > 100_000) {
            throw new IllegalArgumentException("journalSize must be 0 to 100000, got " + entries);
        }
        this.journalSize = entries;
        return this;
    }

    /**
     * How many requests may be forwarded at once (default 256): the proxy's pool of kept-alive connections to
     * the upstream; more wait in a queue (up to four times as many, then 502). No thread waits for an answer:
     * a few request threads (4 per processor, at least 8) read and verify requests whatever this is.
     */
    public VerifyingProxyBuilder threads(int count) {
        if (count < 1 || count > 4096) {
            throw new IllegalArgumentException("threads must be 1 to 4096, got " + count);
        }
        this.threads = count;
        return this;
    }

    /** Starts the proxy. */
    public VerifyingProxy build() {
        if (upstream == null) {
            throw new IllegalStateException("VerifyingProxy: upstream(url) is required, e.g. "
                    + "upstream(\"https://sandbox-api.qredo.network\")");
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("VerifyingProxy: at least one apiKey(key, publicKey) is required");
        }
        java.util.concurrent.atomic.AtomicLong verdicts = new java.util.concurrent.atomic.AtomicLong();
        // no explainer inside: the proxy runs the doctor itself, off the I/O thread (ProxyGate)
        Authenticator authenticator = new Authenticator(keys, StubMode.STRICT, window, clock, null,
                verdicts::incrementAndGet);
        return new VerifyingProxy(this, authenticator, new SignatureExplainer(keys, signedBaseUrl));
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
