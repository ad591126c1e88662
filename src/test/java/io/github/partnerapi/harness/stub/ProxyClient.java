package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.OpenSsl;
import io.github.partnerapi.harness.testing.Poll;
import io.github.partnerapi.harness.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;

/**
 * Signs with OpenSSL (or, where it is missing, the JDK's own Signature: an oracle that is not the
 * project's signer) and sends with the JDK HttpClient: the test client of the verifying proxy.
 */
final class ProxyClient {

    static final String API_KEY = "cHJveHktdGVzdC1hcGkta2V5";
    static final PublicKey PUBLIC_KEY = PemKeys.readPublicKey(TestData.publicKey());
    private static final PrivateKey PRIVATE_KEY = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ProxyClient() {
    }

    /** x-sign over freshness + url + body. */
    static String sign(String freshness, String url, byte[] body) {
        byte[] head = (freshness + url).getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[head.length + body.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(body, 0, payload, head.length, body.length);
        try {
            if (OpenSsl.available()) {
                return OpenSsl.sign(TestData.pkcs1Key(), payload);
            }
            Signature jca = Signature.getInstance("SHA256withRSA");
            jca.initSign(PRIVATE_KEY);
            jca.update(payload);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(jca.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the test request", e);
        }
    }

    static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    /** A request to {@code base + target}, signed over {@code signedBody} and sent with {@code sentBody}. */
    static HttpRequest.Builder signed(String method, String base, String target, byte[] signedBody, byte[] sentBody) {
        String ts = now();
        return HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(20))
                .method(method, sentBody.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(sentBody))
                .header("x-api-key", API_KEY).header("x-timestamp", ts)
                .header("x-sign", sign(ts, base + target, signedBody))
                .header("Content-Type", "application/json");
    }

    static HttpRequest.Builder signed(String method, String base, String target, byte[] body) {
        return signed(method, base, target, body, body);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Waits (up to 10 s) until the proxy has a kept-alive upstream connection back in its pool: the client has
     * its answer a moment before that, and a request sent at once would rightly open a second connection.
     */
    static void awaitKeptAlive(VerifyingProxy proxy) throws InterruptedException {
        Poll.until("an upstream connection back in " + proxy + "'s pool", Duration.ofSeconds(10),
                () -> proxy.idleUpstreamConnections() > 0);
    }

    static String verdict(HttpResponse<?> response) {
        return response.headers().firstValue("x-partnerapi-verdict").orElse(null);
    }
}
