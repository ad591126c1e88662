package io.github.partnerapi.harness.stub;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Forwards a request to the upstream with the JDK's HttpClient: same method, the raw target appended
 * to the upstream's origin, headers without hop-by-hop ones, {@code Host} the upstream's, the body
 * bytes unchanged; the answer's body is streamed back, and a stalled one is cut. Thread-safe.
 */
final class Upstream implements AutoCloseable {

    /** RFC 9110 §7.6.1 hop-by-hop headers, never forwarded either way. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the client for the upstream ({@code Host}, {@code Content-Length}) or answered by the proxy. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "expect");

    private final String origin;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final StallWatch stalls;

    Upstream(String origin, SSLContext tls, Duration connectTimeout, Duration responseTimeout) {
        this.origin = origin;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.stalls = new StallWatch(responseTimeout);
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout);
        client = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** Why the upstream gave no answer, in one line that names it. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The upstream's status, headers and body stream. */
    record Answer(int status, java.net.http.HttpHeaders headers, InputStream body) {
    }

    String origin() {
        return origin;
    }

    /**
     * Sends the request; the answer's body stream is cut (an {@link IOException} on read) when no byte
     * arrives for the response timeout. {@code headers} are name-value pairs in the order received.
     */
    Answer send(String method, byte[] target, List<Map.Entry<String, String>> headers, byte[] body,
            boolean hasBody) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target)).timeout(responseTimeout)
                .method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        Set<String> listedInConnection = connectionTokens(headers);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !SET_BY_CLIENT.contains(name) && !listedInConnection.contains(name)) {
                request.header(header.getKey(), header.getValue());
            }
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), response.headers(), stalls.watch(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for the upstream " + origin, e);
        } catch (IOException e) {
            throw new Failure(reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new Failure("cannot forward this request to " + origin + ": " + e.getMessage(), e);
        }
    }

    /**
     * The origin and the target's bytes; a target the JDK client cannot send as it is (bytes over 0x7F,
     * characters a URI refuses) is sent with just those bytes percent-encoded.
     */
    private URI uri(byte[] target) {
        String ascii = new String(target, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (TargetEncoding.isAscii(target)) {
            try {
                return new URI(origin + ascii);
            } catch (java.net.URISyntaxException e) {
                // escaped below
            }
        }
        return URI.create(origin + TargetEncoding.escapeIllegal(target));
    }

    static Set<String> connectionTokens(List<Map.Entry<String, String>> headers) {
        java.util.HashSet<String> tokens = new java.util.HashSet<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("connection")) {
                for (String token : header.getValue().split(",")) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "the upstream " + origin + " did not accept a connection within " + connectTimeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "the upstream " + origin + " did not answer within " + responseTimeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "cannot connect to the upstream " + origin + " (connection refused or unreachable)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof SSLException || root instanceof java.security.cert.CertificateException
                || root instanceof java.security.GeneralSecurityException) {
            return "TLS with the upstream " + origin + " failed: " + root.getMessage()
                    + " (for a private CA, give its certificate with --upstream-ca)";
        }
        return "the upstream " + origin + " failed: " + (root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage());
    }

    @Override
    public void close() {
        stalls.close();
    }
}
