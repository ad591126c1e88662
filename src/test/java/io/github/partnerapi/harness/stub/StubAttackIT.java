package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.Poll;
import io.github.partnerapi.harness.testing.RawHttp;
import io.github.partnerapi.harness.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stub as an attacker or a careless test would use it: slow connections, malformed and oversized requests,
 * thousands of names, journal growth, concurrent creates and nonce races. Each test checks that a normal signed
 * request is still answered within 5 s, during and after: far below the 30 s a stub starved by the slow
 * connections would take. Signatures are made with the JCA directly (over raw bytes), not with the harness's
 * signer.
 */
class StubAttackIT {

    static final String KEY = "YXR0YWNrLXRlc3QtYXBpLWtleQ==";
    static final PrivateKey PRIVATE = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());
    static final Duration BOUND = Duration.ofSeconds(5); // a starved stub waits for the slow connections' 30 s timeout
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(BOUND).build();

    static VerifierStub stub;

    @BeforeAll
    static void start() throws Exception {
        stub = VerifierStub.builder().apiKey(KEY, PUBLIC).journalBytes(256 * 1024).build();
        // the bound is for a warm stub: the first request loads classes and the crypto provider, not an attack's cost
        for (int i = 0; i < 20; i++) {
            signed(stub, "GET", "/assets", "", "x-timestamp", now());
        }
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void fiftySlowConnectionsDoNotDelayASignedRequest() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), stub.port());
                String start = i % 2 == 0 ? "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nX-Slow: a"
                        : "POST /api/v1/p/company HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"na";
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            assertNormalRequestAnswered();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        assertNormalRequestAnswered();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST /api/v1/p/company HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\n\r\n",
        "GET /api/v1/p/assets HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nx-api-key: abc\u0001\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nx-api-key: abc\u007f\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "POST /api/v1/p/company HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST /api/v1/p/company HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "G\u0000T / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/p/assets\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
        "\r\n\r\n\r\nnonsense\r\n\r\n",
        "HEAD /api/v1/p/assets HTTP/1.1\r\nHost: x\r\n\r\n",
        "DELETE /api/v1/p/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n",
    })
    void malformedRequestsGetA4xxInTheStubsJsonShape(String request) throws Exception {
        RawHttp.Answer answer = RawHttp.send(stub.port(), request.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
        if (!request.startsWith("HEAD")) {
            JsonNode json = StubClient.JSON.readTree(answer.body());
            assertThat(json.path("code").asInt()).isEqualTo(answer.status());
            assertThat(json.path("msg").asText()).startsWith("err");
            assertThat(json.path("detail").path("reason").asText()).isNotBlank();
        }
        assertThat(answer.body()).doesNotContain("java.", "Exception", "<html", "jetty");
        assertNormalRequestAnswered();
    }

    @Test
    void oversizedHeadersGet431Json() throws Exception {
        String big = "GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(400 * 1024) + "\r\n\r\n";
        StringBuilder many = new StringBuilder("GET /api/v1/p/assets HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 200; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        for (String request : List.of(big, many.append("\r\n").toString())) {
            RawHttp.Answer answer = RawHttp.send(stub.port(), request);
            assertThat(answer.status()).isEqualTo(431);
            assertThat(StubClient.JSON.readTree(answer.body()).path("msg").asText()).isEqualTo("errHeadersTooLarge");
        }
        assertNormalRequestAnswered();
    }

    @Test
    void aBodyOverTheLimitGets413ThatTheClientCanRead() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stub.baseUri() + "/company"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("errPayloadTooLarge", "10485760");
        assertNormalRequestAnswered();
    }

    @Test
    void aRawNonUtf8QueryByteIsVerifiedAsReceived() throws Exception {
        byte[] target = "/api/v1/p/company/search?query=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rawSigned(target, target).status()).isEqualTo(200);
        byte[] replaced = "/api/v1/p/company/search?query=\ufffd".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer signedOverReplacement = rawSigned(target, replaced);
        assertThat(signedOverReplacement.status()).isEqualTo(401);
        assertThat(signedOverReplacement.body()).contains("\"reason\":\"signature\"");
    }

    @Test
    void thousandsOfDocsNamesAre404AndNothingIsCached() throws Exception {
        for (int i = 0; i < 3000; i++) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(stub.rootUri() + "/docs/x" + i + ".js")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(404);
            if (i == 1500) {
                assertNormalRequestAnswered();
            }
        }
        assertThat(StaticContent.cachedFiles()).isLessThanOrEqualTo(StaticContent.SWAGGER_FILES.size() + 2);
        assertNormalRequestAnswered();
    }

    @Test
    void theJournalStaysWithinItsByteBudgetAndKeepsBodyLengths() throws Exception {
        try (VerifierStub small = VerifierStub.builder().apiKey(KEY, PUBLIC).journalBytes(128 * 1024).build()) {
            byte[] body = ("{\"name\":\"" + "n".repeat(64 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 120; i++) {
                HTTP.send(HttpRequest.newBuilder(URI.create(small.baseUri() + "/company")).header("x-api-key", KEY)
                        .header("x-timestamp", now()).header("x-sign", "A".repeat(342))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            List<JournalEntry> entries = small.requests();
            assertThat(entries).isNotEmpty().hasSizeLessThan(120);
            assertThat(entries.stream().mapToLong(RequestJournal::sizeOf).sum()).isLessThanOrEqualTo(128 * 1024);
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.body()).hasSize(RequestJournal.BODY_TEXT_LIMIT);
                assertThat(entry.bodyLength()).isEqualTo(body.length);
                assertThat(entry.reason()).isEqualTo("signature");
            });
            HttpResponse<byte[]> journal = HTTP.send(HttpRequest.newBuilder(URI.create(small.rootUri()
                    + "/__stub/requests")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(journal.body().length).isLessThan(256 * 1024);
        }
        assertNormalRequestAnswered();
    }

    @Test
    void concurrentCreatesAreAllKept() throws Exception {
        try (VerifierStub fresh = VerifierStub.builder().apiKey(KEY, PUBLIC).build()) {
            List<Integer> statuses = inParallel(8, 25, i -> signed(fresh, "POST", "/company",
                    "{\"name\":\"company " + i + "\"}", "x-timestamp", now()).statusCode());
            assertThat(statuses).hasSize(200).containsOnly(200);
            assertThat(fresh.companyCount()).isEqualTo(200);
        }
        assertNormalRequestAnswered();
    }

    @Test
    void bodiesHeldAtOnceAreBoundedByTheBudgetAndARefusedBodyGetsAReadable429() throws Exception {
        try (VerifierStub tight = VerifierStub.builder().apiKey(KEY, PUBLIC).bodyBudget(64 * 1024).build();
                Socket holder = new Socket(InetAddress.getLoopbackAddress(), tight.port())) {
            holder.getOutputStream().write(("POST /api/v1/p/company HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n"
                    + "\r\n" + "a".repeat(100 * 1024)).getBytes(StandardCharsets.US_ASCII));
            holder.getOutputStream().flush();
            // the holder's body must be held before the probe: a probe read first would take the budget, and the
            // holder would get the 429 (seen on a loaded machine)
            Poll.until("the stub to hold the holder's 100 KiB", Duration.ofSeconds(20),
                    () -> tight.bodyBytesHeld() >= 100 * 1024);
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(tight.baseUri() + "/company"))
                    .header("x-api-key", KEY).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 * 1024])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("errTooManyRequests", "budget 65536");
            assertThat(signed(tight, "GET", "/assets", "", "x-timestamp", now()).statusCode()).isEqualTo(200);
        }
        assertNormalRequestAnswered();
    }

    @Test
    void manyConcurrentRequestsWithoutABodyReserveNoBodyBudget() throws Exception {
        try (VerifierStub fresh = VerifierStub.builder().apiKey(KEY, PUBLIC).bodyBudget(1).build()) {
            List<Integer> statuses = inParallel(16, 10, i -> signed(fresh, "GET", "/assets", "", "x-timestamp", now())
                    .statusCode());
            assertThat(statuses).hasSize(160).containsOnly(200);
        }
    }

    @Test
    void racingNineteenDigitNoncesAreJudgedAndJournaledInTheOrderTheyWereAccepted() throws Exception {
        try (VerifierStub fresh = VerifierStub.builder().apiKey(KEY, PUBLIC).build()) {
            AtomicLong nonce = new AtomicLong(9_000_000_000_000_000_000L);
            List<Integer> statuses = inParallel(8, 20, i -> signed(fresh, "GET", "/assets", "", "x-nonce",
                    Long.toString(nonce.incrementAndGet())).statusCode());
            assertThat(statuses).containsOnly(200, 401).contains(200);
            List<Long> accepted = fresh.requests().stream().filter(e -> e.verdict().equals("accepted"))
                    .map(e -> Long.parseLong(e.headers().get("x-nonce"))).toList();
            assertThat(accepted).hasSize((int) statuses.stream().filter(s -> s == 200).count()).isSorted()
                    .doesNotHaveDuplicates();
            assertThat(signed(fresh, "GET", "/assets", "", "x-nonce", Long.toString(Long.MAX_VALUE)).statusCode())
                    .isEqualTo(200);
        }
        assertNormalRequestAnswered();
    }

    // --- helpers

    private interface Step<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> inParallel(int threads, int each, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                Callable<List<T>> work = () -> {
                    List<T> results = new ArrayList<>();
                    for (int i = first; i < first + each; i++) {
                        results.add(step.run(i));
                    }
                    return results;
                };
                futures.add(pool.submit(work));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A signed GET of /assets answers 200 within {@link #BOUND}. */
    private static void assertNormalRequestAnswered() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = signed(stub, "GET", "/assets", "", "x-timestamp", now());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static HttpResponse<String> signed(VerifierStub target, String method, String path, String body,
            String header, String freshness) throws Exception {
        String url = target.baseUri() + path;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", KEY).header(header, freshness)
                .header("x-sign", xSign(freshness, url.getBytes(StandardCharsets.UTF_8), bytes))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes.length > 0) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose target goes on the wire as {@code target}, signed over {@code signedTarget}. */
    private static RawHttp.Answer rawSigned(byte[] target, byte[] signedTarget) throws Exception {
        String host = "127.0.0.1:" + stub.port();
        String ts = now();
        byte[] signedUrl = concat(("http://" + host).getBytes(StandardCharsets.US_ASCII), signedTarget);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, "GET ");
        request.write(target);
        write(request, " HTTP/1.1\r\nHost: " + host + "\r\nx-api-key: " + KEY + "\r\nx-timestamp: " + ts
                + "\r\nx-sign: " + xSign(ts, signedUrl, new byte[0]) + "\r\nConnection: close\r\n\r\n");
        return RawHttp.send(stub.port(), request.toByteArray());
    }

    private static String xSign(String freshness, byte[] url, byte[] body) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(PRIVATE);
        signature.update(freshness.getBytes(StandardCharsets.US_ASCII));
        signature.update(url);
        signature.update(body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
