package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.send;
import static io.github.partnerapi.harness.stub.ProxyClient.signed;
import static io.github.partnerapi.harness.stub.ProxyClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.partnerapi.harness.testing.ClosedPort;
import io.github.partnerapi.harness.testing.TestCa;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstreams other than a plain local stub: HTTPS with a private CA, one that is down, one that stalls. */
class ProxyUpstreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "{\"name\":\"TLS Corp é\"}\r\n".getBytes(StandardCharsets.UTF_8);

    /** The connect timeout covers the TLS handshake; on a loaded machine it took over 5 s. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(30);

    private static TestCa ca;
    private static HttpsServer echo;

    @BeforeAll
    static void startHttpsEcho() throws Exception {
        ca = new TestCa();
        echo = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        echo.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        echo.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = JSON.writeValueAsBytes(Map.of("target", exchange.getRequestURI().toString(),
                    "host", exchange.getRequestHeaders().getFirst("Host"),
                    "body_b64", Base64.getEncoder().encodeToString(body)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-echo", "one");
            exchange.getResponseHeaders().add("x-echo", "two");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        echo.start();
    }

    @AfterAll
    static void stopHttpsEcho() {
        echo.stop(0);
    }

    private static String echoOrigin() {
        return "https://127.0.0.1:" + echo.getAddress().getPort();
    }

    @Test
    void anHttpsUpstreamWithAPrivateCaGivenAsPem(@TempDir Path dir) throws Exception {
        Path pem = ca.writeCaPem(dir.resolve("ca.pem"));
        try (VerifyingProxy proxy = VerifyingProxy.builder().upstream(echoOrigin()).apiKey(API_KEY, PUBLIC_KEY)
                .upstreamCa(pem).connectTimeout(HANDSHAKE).build()) {
            String target = "/api/v1/p/company?x=%2F%20y";
            HttpResponse<String> response = send(signed("POST", proxy.rootUri(), target, BODY));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(verdict(response)).isEqualTo("valid");
            assertThat(response.headers().allValues("x-echo")).containsExactly("one", "two");
            JsonNode echoed = JSON.readTree(response.body());
            assertThat(echoed.get("target").asText()).isEqualTo(target);
            assertThat(echoed.get("host").asText()).isEqualTo("127.0.0.1:" + echo.getAddress().getPort());
            assertThat(Base64.getDecoder().decode(echoed.get("body_b64").asText())).isEqualTo(BODY);
        }
    }

    @Test
    void anHttpsUpstreamWhoseCaIsNotTrustedIsA502NamingTheFix() throws Exception {
        try (VerifyingProxy proxy = VerifyingProxy.builder().upstream(echoOrigin()).apiKey(API_KEY, PUBLIC_KEY)
                .connectTimeout(HANDSHAKE).build()) {
            HttpResponse<String> response = send(signed("POST", proxy.rootUri(), "/api/v1/p/company", BODY));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(verdict(response)).isEqualTo("valid");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("msg").asText()).isEqualTo("errBadGateway");
            assertThat(body.at("/detail/reason").asText()).contains("TLS with the upstream " + echoOrigin(), "--upstream-ca");
            assertThat(proxy.requests().get(0).error()).contains("TLS");
            assertThat(proxy.requests().get(0).upstreamStatus()).isNull();
        }
    }

    @Test
    void anUpstreamThatIsDownIsA502WithTheReasonAtOnce() throws Exception {
        try (ClosedPort closed = ClosedPort.hold();
                VerifyingProxy proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + closed.port())
                        .apiKey(API_KEY, PUBLIC_KEY).build()) {
            int closedPort = closed.port();
            long start = System.nanoTime();
            HttpResponse<String> response = send(signed("GET", proxy.rootUri(), "/api/v1/p/assets", new byte[0]));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JSON.readTree(response.body()).at("/detail/reason").asText())
                    .contains("cannot connect to the upstream http://127.0.0.1:" + closedPort);
            assertThat(verdict(response)).isEqualTo("valid");
        }
    }

    @Test
    void anUpstreamThatNeverAnswersIsA502AfterTheTimeoutNotAHang() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                VerifyingProxy proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + silent.getLocalPort())
                        .apiKey(API_KEY, PUBLIC_KEY).upstreamTimeout(Duration.ofMillis(500)).build()) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpResponse<String> response = send(signed("GET", proxy.rootUri(), "/api/v1/p/assets", new byte[0]));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(response.body()).at("/detail/reason").asText()).contains("did not answer within 500 ms");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anUpstreamThatStallsMidBodyIsCutNotHung() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                VerifyingProxy proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + stalling.getLocalPort())
                        .apiKey(API_KEY, PUBLIC_KEY).upstreamTimeout(Duration.ofSeconds(2)).build()) {
            Thread server = new Thread(() -> { // its head must come within the timeout, on a loaded machine too
                try (Socket socket = stalling.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":"
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(90_000); // far beyond the bound below: only the proxy can end the wait
                } catch (Exception e) {
                    // the test is over
                }
            });
            server.setDaemon(true);
            server.start();
            long start = System.nanoTime();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> send(signed("GET", proxy.rootUri(),
                    "/api/v1/p/assets", new byte[0])));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(failure).as("the answer is cut, not completed").isInstanceOf(java.io.IOException.class);
            assertThat(proxy.requests().get(0).upstreamStatus()).isEqualTo(200);
        }
    }
}
