package io.github.partnerapi.harness.bench;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpServer;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.testing.TestData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A REST Assured POST to an in-process server that answers at once, with and without the signing
 * filter, and the signature alone on the same URL and body: the filter's own cost is
 * {@code withFilter - withoutFilter - signatureAlone}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterBenchmark {

    static {
        // Without it the JDK server's answers wait for delayed ACKs (~40 ms) now and then: noise, not cost.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] BODY = "{\"name\":\"ACME\"}".getBytes(StandardCharsets.UTF_8);

    HttpServer server;
    String base;
    PartnerApiSigningFilter filter;
    RequestSigner signer;

    @Setup
    public void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        filter = PartnerApiSigningFilter.builder().apiKey("YmVuY2gta2V5").privateKey(TestData.pkcs1Key()).build();
        signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
    }

    @TearDown
    public void tearDown() {
        server.stop(0);
    }

    @Benchmark
    public String signatureAlone() {
        return signer.sign(signer.timestamp(), base + "/api/v1/p/company", BODY);
    }

    @Benchmark
    public int withoutFilter() {
        return given().baseUri(base).contentType("application/json").body("{\"name\":\"ACME\"}")
                .post("/api/v1/p/company").statusCode();
    }

    @Benchmark
    public int withFilter() {
        return given().baseUri(base).filter(filter).contentType("application/json").body("{\"name\":\"ACME\"}")
                .post("/api/v1/p/company").statusCode();
    }
}
