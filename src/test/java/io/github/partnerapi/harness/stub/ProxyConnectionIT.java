package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proxy reads the plain requests that arrive whole on its own connections ({@link ProxyConnection}) and
 * hands everything else to Jetty's server: both ways give the client the same bytes, and what each way
 * took is counted, so that a change that sends every request to Jetty (correct, but slow) fails here.
 */
class ProxyConnectionIT {

    private static final String TARGET = "/api/v1/p/assets?page=1";

    private ScriptedUpstream upstream;
    private VerifyingProxy proxy;

    private void start(ScriptedUpstream.Answer answer) throws IOException {
        upstream = new ScriptedUpstream(answer);
        proxy = VerifyingProxy.builder().upstream(upstream.origin()).apiKey(API_KEY, PUBLIC_KEY).build();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                        + "{\"a\":\"b c\"}"),
                Arguments.of("GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nx-kept: yes\r\n\r\n"
                        + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
                Arguments.of("GET", "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the upstream closes"),
                Arguments.of("GET", "HTTP/1.1 204 No Content\r\nx-kept: yes\r\n\r\n"),
                Arguments.of("GET", "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                        + "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close, x-dropped\r\nx-dropped: 1\r\n\r\nnot found"),
                Arguments.of("HEAD", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 512\r\n\r\n"));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void anAnswerReadsTheSameWhetherItsRequestCameWholeOrInPieces(String method, String answer) throws Exception {
        start((head, out) -> {
            write(out, answer);
            if (answer.startsWith("HTTP/1.0")) {
                out.close();
            }
        });
        String whole = exchange(request(method), false);
        assertThat(proxy.requestsHandedToJetty()).as("a plain request that came whole").isZero();
        String inPieces = exchange(request(method), true);
        assertThat(proxy.requestsHandedToJetty()).as("a request still arriving").isEqualTo(1);

        assertThat(whole).startsWith("HTTP/1.1 ").contains("\r\nx-partnerapi-verdict: valid\r\n")
                .doesNotContainIgnoringCase("x-dropped");
        assertThat(inPieces).isEqualTo(whole);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnTheProxysOwnConnection() throws Exception {
        start((head, out) -> {
            String line = head.substring(0, head.indexOf("\r\n"));
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + line.length() + "\r\n\r\n" + line);
        });
        String first = request("GET", "/api/v1/p/assets?n=1");
        String second = request("GET", "/api/v1/p/assets?n=2");

        String answers = exchange(first + second, false);

        assertThat(answers).containsSubsequence("GET /api/v1/p/assets?n=1 HTTP/1.1", "GET /api/v1/p/assets?n=2 HTTP/1.1");
        assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(proxy.requestsHandedToJetty()).isZero();
    }

    /** Requests the proxy's connections leave to Jetty: each answered there, as before. */
    @ParameterizedTest
    @ValueSource(strings = {"http/1.0", "connection close", "expect", "large head", "journal"})
    void whatTheProxysConnectionsLeaveIsAnsweredByJetty(String form) throws Exception {
        start((head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        String request = switch (form) {
            case "http/1.0" -> request("GET", TARGET).replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
            case "connection close" -> request("GET", TARGET).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
            case "expect" -> request("GET", TARGET).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
            case "large head" -> request("GET", TARGET).replace("\r\n\r\n", "\r\nx-large: " + "a".repeat(10_000) + "\r\n\r\n");
            case "journal" -> "GET " + ProxyHandler.JOURNAL + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            default -> throw new IllegalArgumentException(form);
        };

        String answer = exchange(request, false);

        assertThat(proxy.requestsHandedToJetty()).isEqualTo(1);
        if (form.equals("journal")) {
            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Type: application/json").endsWith("\r\n\r\n[]");
        } else {
            assertThat(answer).matches("(?s)HTTP/1\\.[01] 200 OK\r\n.*x-partnerapi-verdict: valid\r\n.*\r\n\r\nok");
        }
    }

    /**
     * Requests the parser refuses, answered on the proxy's own connection as Jetty answers them (JSON, then
     * closed), also to a client that half-closes as soon as it has sent (Jetty's connection, handed such a
     * request, can lose that answer).
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET " + TARGET + " HTTP/1.1\r\nx-api-key: k\r\n\r\n|No Host",
        "GET " + TARGET + " HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab|Multiple Content-Lengths",
        "GET " + TARGET + " HTTP/1.1\r\nHost: a\r\nx-bad : 1\r\n\r\n|Illegal character"})
    void aRequestTheParserRefusesGetsJettysJsonAnswerAndTheConnectionCloses(String requestAndReason) throws Exception {
        start((head, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        String[] parts = requestAndReason.split("\\|");

        String answer = exchange(parts[0], false);

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n")
                .contains("\r\nConnection: close\r\n").contains("\"msg\":\"errBadRequest\"").contains(parts[1]);
        assertThat(upstream.heads()).isEmpty();
        assertThat(proxy.requestsHandedToJetty()).isZero();
    }

    /** A signed request to the proxy, with no body. */
    private String request(String method) {
        return request(method, TARGET);
    }

    private String request(String method, String target) {
        String timestamp = ProxyClient.now();
        String sign = ProxyClient.sign(timestamp, proxy.rootUri() + target, new byte[0]);
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port() + "\r\nx-api-key: " + API_KEY
                + "\r\nx-timestamp: " + timestamp + "\r\nx-sign: " + sign + "\r\n\r\n";
    }

    /**
     * Writes {@code request} whole, or (with {@code inPieces}) its first 30 bytes, then the rest once the proxy
     * has handed the request to Jetty; half-closes and reads the answer until the proxy closes (or 10 s pass).
     */
    private String exchange(String request, boolean inPieces) throws IOException, InterruptedException {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            int first = inPieces ? 30 : bytes.length;
            long handedOn = proxy.requestsHandedToJetty();
            out.write(bytes, 0, first);
            out.flush();
            if (inPieces) {
                Poll.until("the request in pieces handed to Jetty", Duration.ofSeconds(10),
                        () -> proxy.requestsHandedToJetty() > handedOn);
            }
            out.write(bytes, first, bytes.length - first);
            out.flush();
            socket.shutdownOutput();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            in.transferTo(answer);
        } catch (SocketTimeoutException e) {
            // what arrived in 10 s is the answer; the assertions say what is missing
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
