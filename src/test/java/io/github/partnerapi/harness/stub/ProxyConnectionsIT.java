package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.awaitKeptAlive;
import static io.github.partnerapi.harness.stub.ProxyClient.send;
import static io.github.partnerapi.harness.stub.ProxyClient.sendForBytes;
import static io.github.partnerapi.harness.stub.ProxyClient.signed;
import static io.github.partnerapi.harness.stub.ProxyClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.Poll;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy's connections to its upstream: kept alive, bounded, adding and interpreting nothing. */
class ProxyConnectionsIT {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    private ScriptedUpstream upstream;

    private void startUpstream(ScriptedUpstream.Answer answer) throws IOException {
        upstream = new ScriptedUpstream(answer);
    }

    @AfterEach
    void stop() throws IOException {
        if (upstream != null) {
            upstream.close();
        }
    }

    private VerifyingProxyBuilder proxy() {
        return VerifyingProxy.builder().upstream(upstream.origin()).apiKey(API_KEY, PUBLIC_KEY);
    }

    @Test
    void sequentialRequestsShareOneKeptAliveUpstreamConnection() throws Exception {
        startUpstream((head, out) -> out.write(OK.getBytes(StandardCharsets.US_ASCII)));
        try (VerifyingProxy proxy = proxy().build()) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = send(signed("GET", proxy.rootUri(), "/api/v1/p/assets?n=" + i, new byte[0]));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(verdict(response)).isEqualTo("valid");
                awaitKeptAlive(proxy);
            }
        }
        assertThat(upstream.heads()).hasSize(5);
        assertThat(upstream.connections()).as("connections the upstream accepted").isEqualTo(1);
    }

    @Test
    void concurrentForwardsAreBoundedByThreadsAndTheRestWaitTheirTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startUpstream((head, out) -> {
            release.await(30, TimeUnit.SECONDS);
            out.write(OK.getBytes(StandardCharsets.US_ASCII));
        });
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (VerifyingProxy proxy = proxy().threads(2).build()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String target = "/api/v1/p/assets?n=" + i;
                answers.add(clients.submit(() -> send(signed("GET", proxy.rootUri(), target, new byte[0]))));
            }
            Poll.until("two heads at the upstream", Duration.ofSeconds(30), () -> upstream.heads().size() >= 2);
            Thread.sleep(300); // a third connection, were the pool unbounded, would be open by now

            assertThat(upstream.connections()).as("connections while the upstream holds its answers").isEqualTo(2);
            assertThat(upstream.heads()).hasSize(2);
            release.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(upstream.heads()).hasSize(6);
        assertThat(upstream.connections()).isEqualTo(2);
    }

    @Test
    void theClientAddsNoHeaderAndFollowsNoRedirectDecodesNothingKeepsNoCookie() throws Exception {
        byte[] gzipped = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        startUpstream((head, out) -> {
            out.write(("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nSet-Cookie: session=abc; Path=/\r\n"
                    + "Content-Encoding: gzip\r\nContent-Length: " + gzipped.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(gzipped);
        });
        try (VerifyingProxy proxy = proxy().build()) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> response = sendForBytes(signed("GET", proxy.rootUri(), "/api/v1/p/assets", new byte[0]));

                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).hasValue("/elsewhere");
                assertThat(response.headers().firstValue("Set-Cookie")).hasValue("session=abc; Path=/");
                assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
                assertThat(response.body()).isEqualTo(gzipped);
            }
        }
        assertThat(upstream.heads()).as("no request to /elsewhere").hasSize(2);
        for (String head : upstream.heads()) { // the JDK client's own User-Agent, once; nothing of Jetty's, no cookie echoed
            // without the signature: 342 random characters hold "jetty" about once in 100,000 heads
            String lower = head.replaceAll("(?im)^x-sign:.*$", "").toLowerCase(java.util.Locale.ROOT);
            assertThat(lower).doesNotContain("accept-encoding", "cookie", "jetty");
            assertThat(lower.split("\r\nuser-agent: ", -1)).as(head).hasSize(2);
            assertThat(lower).contains("\r\nuser-agent: java-http-client/");
        }
    }

    @Test
    void anAnswerTrickledFasterThanTheTimeoutIsRelayedWholeEvenWhenItTakesLonger() throws Exception {
        startUpstream((head, out) -> {
            // pauses of 250 ms, 2.5 s in all: far apart from the 2 s timeout either way, on a loaded machine too
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (char c : "abcdefghij".toCharArray()) {
                out.flush();
                Thread.sleep(250);
                out.write(c);
            }
        });
        try (VerifyingProxy proxy = proxy().upstreamTimeout(Duration.ofMillis(2000)).build()) {
            HttpResponse<String> response = send(signed("GET", proxy.rootUri(), "/api/v1/p/assets", new byte[0]));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("abcdefghij");
        }
    }

    @Test
    void aProxyNeverClosedDoesNotKeepItsJvmAlive() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnclosedProxyMain.class.getName())
                .redirectErrorStream(true).start();
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("the JVM exited after main returned: " + output).isTrue();
        assertThat(output.strip()).endsWith("502");
    }
}
