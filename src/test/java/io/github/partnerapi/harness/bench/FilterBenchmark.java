package io.github.partnerapi.harness.bench;

import static io.restassured.RestAssured.given;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] BODY = "{\"name\":\"ACME\"}".getBytes(StandardCharsets.UTF_8);

    ImmediateServer server;
    String base;
    PartnerApiSigningFilter filter;
    RequestSigner signer;

    @Setup
    public void setUp() throws Exception {
        server = new ImmediateServer(4);
        base = server.baseUri();
        filter = PartnerApiSigningFilter.builder().apiKey("YmVuY2gta2V5").privateKey(TestData.pkcs1Key()).build();
        signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
    }

    @TearDown
    public void tearDown() {
        server.close();
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
