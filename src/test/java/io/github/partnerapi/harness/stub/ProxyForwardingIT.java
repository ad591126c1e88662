package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.send;
import static io.github.partnerapi.harness.stub.ProxyClient.signed;
import static io.github.partnerapi.harness.stub.ProxyClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerapi.harness.testing.OpenSsl;
import io.github.partnerapi.harness.testing.RawHttp;
import io.github.partnerapi.harness.testing.RecordingServer;
import io.github.partnerapi.harness.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What reaches the upstream: recorded byte for byte by a raw-socket server, from the JDK client, curl and Go. */
class ProxyForwardingIT {

    /** A BOM, CRLF line endings, a tab and non-ASCII text: every byte must arrive as sent. */
    static final byte[] AWKWARD_BODY = "\uFEFF{\r\n\t\"name\": \"Zoë Ünïcødé ✓ 株式会社\",\r\n\t\"note\": \"a\\u00e9b\"\r\n}\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private RecordingServer upstream;
    private VerifyingProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = new RecordingServer();
        proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + upstream.port()).apiKey(API_KEY, PUBLIC_KEY).build();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/p/company", "/api/v1/p/company/search?query=caf%C3%A9%20%26+co&x=%2f%2F&y=a%252Fb",
        "/api/v1/p/company/a%2Fb%20c/?q=%E2%9C%93&&empty=&q=2"})
    void bodyAndTargetArriveByteForByteWithHostSetToTheUpstream(String target) throws Exception {
        HttpResponse<String> response = send(signed("POST", proxy.rootUri(), target, AWKWARD_BODY)
                .header("x-custom", "kept").header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verdict(response)).isEqualTo("valid");
        RecordingServer.Recorded arrived = upstream.last();
        assertThat(arrived.method()).isEqualTo("POST");
        assertThat(arrived.target()).isEqualTo(target);
        assertThat(arrived.body()).isEqualTo(AWKWARD_BODY);
        assertThat(arrived.header("host")).isEqualTo("127.0.0.1:" + upstream.port());
        assertThat(arrived.header("x-custom")).isEqualTo("kept");
        assertThat(arrived.header("x-sign")).isNotBlank();
        assertThat(arrived.header("content-length")).isEqualTo(Integer.toString(AWKWARD_BODY.length));
    }

    @Test
    void hopByHopHeadersAndTheOnesConnectionNamesAreNotForwarded() throws Exception {
        String target = "/api/v1/p/company/search?query=hop";
        byte[] head = ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\n"
                + "Connection: x-private-hop\r\nConnection: close\r\nx-private-hop: secret\r\nKeep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\nTE: trailers\r\nProxy-Connection: keep-alive\r\n"
                + "x-end-to-end: yes\r\nx-api-key: " + API_KEY + "\r\n" + signedHeaders(target, new byte[0]) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        warmUp();
        RawHttp.Answer answer = RawHttp.send(proxy.port(), head);

        assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(200);
        assertThat(answer.head()).containsIgnoringCase("x-partnerapi-verdict: valid");
        RecordingServer.Recorded arrived = upstream.last();
        assertThat(arrived.headers()).doesNotContainKeys("x-private-hop", "keep-alive", "proxy-authorization", "te",
                "proxy-connection");
        assertThat(String.valueOf(arrived.header("connection"))).doesNotContain("x-private-hop");
        assertThat(arrived.header("x-end-to-end")).isEqualTo("yes");
    }

    @Test
    void aTargetWithRawNonUtf8BytesIsVerifiedAsReceivedAndForwardedPercentEncoded() throws Exception {
        byte[] target = concat("/api/v1/p/company/search?query=".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0xA9});
        byte[] url = concat(("http://127.0.0.1:" + proxy.port()).getBytes(StandardCharsets.US_ASCII), target);
        String ts = ProxyClient.now();
        String xSign = OpenSsl.available() ? OpenSsl.sign(TestData.pkcs1Key(), concat(ts.getBytes(StandardCharsets.US_ASCII),
                url)) : null;
        assumeTrue(xSign != null, "openssl is needed to sign raw bytes here");
        byte[] request = concat(concat("GET ".getBytes(StandardCharsets.US_ASCII), target), (" HTTP/1.1\r\nHost: 127.0.0.1:"
                + proxy.port() + "\r\nConnection: close\r\nx-api-key: " + API_KEY + "\r\nx-timestamp: " + ts
                + "\r\nx-sign: " + xSign + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        warmUp();
        RawHttp.Answer answer = RawHttp.send(proxy.port(), request);

        assertThat(answer.head()).containsIgnoringCase("x-partnerapi-verdict: valid");
        assertThat(upstream.last().target()).isEqualTo("/api/v1/p/company/search?query=%FF%C3%A9");
    }

    @Test
    void curlAsTheClient(@TempDir Path files) throws Exception {
        assumeTrue(available("curl", "--version"), "curl is not installed");
        Path body = Files.write(files.resolve("body.json"), AWKWARD_BODY);
        String target = "/api/v1/p/company/search?query=caf%C3%A9%20co";
        String url = proxy.rootUri() + target;
        String ts = ProxyClient.now();
        Process curl = new ProcessBuilder("curl", "-s", "-g", "--path-as-is", "-D", "-", "-o", "/dev/null", "-X", "POST",
                "-H", "x-api-key: " + API_KEY, "-H", "x-timestamp: " + ts,
                "-H", "x-sign: " + ProxyClient.sign(ts, url, AWKWARD_BODY), "-H", "Content-Type: application/json",
                "--data-binary", "@" + body, url).redirectErrorStream(true).start();
        String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(headers).startsWith("HTTP/1.1 200").containsIgnoringCase("x-partnerapi-verdict: valid");
        assertThat(upstream.last().target()).isEqualTo(target);
        assertThat(upstream.last().body()).isEqualTo(AWKWARD_BODY);
    }

    @Test
    void aGoClientSigningAsThePublicSigningClientDoes(@TempDir Path files) throws Exception {
        assumeTrue(available("go", "version"), "neither the public Go client nor a Go toolchain is installed; "
                + "bodyAndTargetArriveByteForByteWithHostSetToTheUpstream sends the same bytes with the JDK client");
        Path source = Files.copy(Path.of("src/test/resources/go/partnerapi-send.go"), files.resolve("main.go"));
        Path body = Files.write(files.resolve("body.json"), AWKWARD_BODY);
        Path cache = Path.of("target/go-cache").toAbsolutePath();
        String target = "/api/v1/p/company/search?query=caf%C3%A9%20co";
        List<String> run = List.of("go", "run", source.toString(), "POST", proxy.rootUri() + target, body.toString(),
                TestData.pkcs1Key().toAbsolutePath().toString(), API_KEY);
        ProcessBuilder go = new ProcessBuilder(run).redirectErrorStream(true);
        go.environment().put("GOCACHE", cache.toString());
        go.environment().putIfAbsent("HOME", files.toString());
        go.environment().put("GO111MODULE", "off");
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as(output).isEqualTo("200\nvalid\n");
        assertThat(upstream.last().target()).isEqualTo(target);
        assertThat(upstream.last().body()).isEqualTo(AWKWARD_BODY);
    }

    @Test
    void concurrentRequestsEachArriveOnceIntactWithTheirOwnVerdict() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> verdicts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] body = ("{\"name\":\"Concurrent " + i + " ✓\"}").getBytes(StandardCharsets.UTF_8);
                byte[] sent = i % 4 == 3 ? ("{\"name\": \"Concurrent " + i + " ✓\"}").getBytes(StandardCharsets.UTF_8) : body;
                verdicts.add(clients.submit(() -> verdict(send(signed("POST", proxy.rootUri(), "/api/v1/p/company", body,
                        sent)))));
            }
            for (int i = 0; i < 64; i++) {
                assertThat(verdicts.get(i).get(60, TimeUnit.SECONDS)).as("request " + i)
                        .isEqualTo(i % 4 == 3 ? "signature; cause=body-compacted" : "valid");
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> bodies = upstream.requests().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).sorted()
                .toList();
        assertThat(bodies).hasSize(64).doesNotHaveDuplicates();
        assertThat(proxy.requests()).hasSize(64);
        assertThat(proxy.requests().stream().filter(e -> e.verdict().equals("valid")).count()).isEqualTo(48);
    }

    /**
     * One request through the proxy first: RawHttp waits 10 s at most, and the proxy's first forward (its
     * HTTP client starting) can take longer than that on a loaded machine.
     */
    private void warmUp() throws Exception {
        send(signed("GET", proxy.rootUri(), "/api/v1/p/company/search?query=warm-up", new byte[0]));
    }

    private String signedHeaders(String target, byte[] body) {
        String ts = ProxyClient.now();
        return "x-timestamp: " + ts + "\r\nx-sign: " + ProxyClient.sign(ts, proxy.rootUri() + target, body) + "\r\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static boolean available(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
