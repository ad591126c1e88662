package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.awaitKeptAlive;
import static io.github.partnerapi.harness.stub.ProxyClient.send;
import static io.github.partnerapi.harness.stub.ProxyClient.sendForBytes;
import static io.github.partnerapi.harness.stub.ProxyClient.signed;
import static io.github.partnerapi.harness.stub.ProxyClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upstream answers framed every way HTTP/1.1 allows, and some it does not: relayed whole, or refused. */
class ProxyAnswersIT {

    private static final String TARGET = "/api/v1/p/assets";

    private ScriptedUpstream upstream;
    private VerifyingProxy proxy;

    private void start(ScriptedUpstream.Answer answer) throws IOException {
        upstream = new ScriptedUpstream(answer);
        // a request the proxy loses shows as its 502 "did not answer within", not as the client's timeout
        proxy = VerifyingProxy.builder().upstream(upstream.origin()).apiKey(API_KEY, PUBLIC_KEY)
                .upstreamTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    private HttpResponse<String> get() throws Exception {
        HttpResponse<String> response = send(signed("GET", proxy.rootUri(), TARGET, new byte[0]));
        assertThat(verdict(response)).isEqualTo("valid");
        return response;
    }

    private void threeAnswers200(String body, boolean keptAlive) throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
            if (keptAlive) {
                awaitKeptAlive(proxy);
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aChunkedAnswerIsRelayedWholeOnAConnectionKeptAlive() throws Exception {
        start((head, out) -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        threeAnswers200("hello world", true);
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    void anAnswerEndedByTheCloseIsRelayedWholeAndTheNextRequestGetsANewConnection() throws Exception {
        start((head, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
            out.close();
        });
        threeAnswers200("until the end", false);
        assertThat(upstream.connections()).isEqualTo(3);
    }

    @Test
    void aConnectionTheUpstreamClosesIsNotUsedAgain() throws Exception {
        start((head, out) -> {
            boolean announce = head.contains("n=0");
            write(out, "HTTP/1.1 200 OK\r\n" + (announce ? "Connection: close\r\n" : "") + "Content-Length: 2\r\n\r\n{}");
            out.close(); // the first time announced, then silently after a kept-alive answer
        });
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = send(signed("GET", proxy.rootUri(), TARGET + "?n=" + i, new byte[0]));
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            Thread.sleep(100); // the close reaches the proxy before the next request
        }
        assertThat(upstream.connections()).isEqualTo(3);
    }

    @Test
    void anInterimAnswerIsNotRelayedTheFinalOneIs() throws Exception {
        start((head, out) -> write(out, "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = get();
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{}");
            assertThat(response.headers().firstValue("Link")).isEmpty();
            awaitKeptAlive(proxy);
        }
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    void anAnswerToHeadHasALengthButNoBodyAndTheConnectionIsKept() throws Exception {
        start((head, out) -> write(out, head.startsWith("HEAD") ? "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        HttpResponse<String> head = send(signed("HEAD", proxy.rootUri(), TARGET, new byte[0]));
        awaitKeptAlive(proxy);
        HttpResponse<String> get = get();

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("1234");
        assertThat(head.body()).isEmpty();
        assertThat(get.body()).isEqualTo("{}");
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    void aLargeAnswerArrivesByteForByte() throws Exception {
        byte[] large = new byte[3 * 1024 * 1024 + 7];
        new Random(42).nextBytes(large);
        start((head, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + large.length
                    + "\r\n\r\n");
            out.write(large);
        });
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> response = sendForBytes(signed("GET", proxy.rootUri(), TARGET, new byte[0]));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(large);
        }
    }

    @Test
    void anAnswerThatIsNotHttpIsA502NamingTheUpstream() throws Exception {
        start((head, out) -> write(out, "SSH-2.0-OpenSSH_9.2\r\n\r\n"));
        HttpResponse<String> response = get();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("errBadGateway", upstream.origin(), "not valid HTTP/1.1")
                .doesNotContain("Exception");
    }

    @Test
    void anAnswerCutBeforeItsLengthCutsTheClientsConnectionToo() throws Exception {
        start((head, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            out.close();
        });
        assertThatThrownBy(() -> send(signed("GET", proxy.rootUri(), TARGET, new byte[0])))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aRequestThatCrossesTheUpstreamClosingAnIdleConnectionIsSentAgainOnANewOne() throws Exception {
        ThreadLocal<int[]> onThisConnection = ThreadLocal.withInitial(() -> new int[1]); // a thread per connection
        start((head, out) -> {
            if (++onThisConnection.get()[0] == 2) {
                out.close(); // the second request on a connection meets its close, unanswered
                return;
            }
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        });
        assertThat(get().statusCode()).isEqualTo(200);
        awaitKeptAlive(proxy);
        HttpResponse<String> second = get();

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{}");
        assertThat(upstream.heads()).hasSize(3);
        assertThat(upstream.connections()).isEqualTo(2);
    }

    @Test
    void aNewConnectionClosedUnansweredIsA502NotARetry() throws Exception {
        start((head, out) -> out.close());
        HttpResponse<String> response = get();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("errBadGateway", upstream.origin());
        assertThat(upstream.heads()).hasSize(1);
    }

    @Test
    void concurrentClientsEachGetTheirOwnAnswerWhileTheUpstreamKeepsClosingConnections() throws Exception {
        ThreadLocal<int[]> answered = ThreadLocal.withInitial(() -> new int[1]);
        start((head, out) -> {
            int at = head.indexOf("n=") + 2;
            String body = "{\"n\":" + head.substring(at, head.indexOf(' ', at)) + "}";
            int count = ++answered.get()[0];
            write(out, "HTTP/1.1 200 OK\r\n" + (count % 3 == 0 ? "Connection: close\r\n" : "")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            if (count % 3 == 0 || count % 5 == 0) {
                out.close(); // announced every third answer, silently every fifth
            }
        });
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String target = TARGET + "?n=" + i;
                answers.add(clients.submit(() -> send(signed("GET", proxy.rootUri(), target, new byte[0]))));
            }
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> response = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as("request %d: %s", i, response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"n\":" + i + "}");
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(upstream.connections()).as("connections the upstream accepted").isGreaterThan(40);
    }
}
