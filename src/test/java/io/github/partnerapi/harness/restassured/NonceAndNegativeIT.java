package io.github.partnerapi.harness.restassured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.JcaOracle;
import io.github.partnerapi.harness.testing.RecordingServer;
import io.github.partnerapi.harness.testing.RecordingServer.Recorded;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NonceAndNegativeIT {

    static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());
    static final PublicKey OTHER_PUBLIC = PemKeys.readPublicKey(TestData.file("keys/other-public.pem"));

    RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PartnerApiSigningFilter filter(String apiKey, boolean nonces) {
        PartnerApiSigningFilterBuilder builder = PartnerApiSigningFilter.builder().apiKey(apiKey)
                .privateKey(TestData.pkcs8Key());
        return (nonces ? builder.nonces() : builder).build();
    }

    private Recorded post(PartnerApiSigningFilter f, String body) {
        given().baseUri(server.baseUri()).port(server.port()).filter(f).contentType(ContentType.JSON).body(body)
                .post("/api/v1/p/company").then().statusCode(200);
        return server.last();
    }

    @Test
    void eightThreadsOf50NonceRequestsArriveWithStrictlyIncreasingNonces() throws Exception {
        PartnerApiSigningFilter f = filter("bm9uY2Uta2V5LW9uZQ==", true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        given().baseUri(server.baseUri()).port(server.port()).filter(f).get("/n/" + thread + "/" + i)
                                .then().statusCode(200);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Recorded> arrived = server.requests();
        assertThat(arrived).hasSize(400);
        long previous = Long.MIN_VALUE;
        for (Recorded r : arrived) {
            long nonce = Long.parseLong(r.header("x-nonce"));
            assertThat(nonce).isGreaterThan(previous);
            assertThat(r.header("x-timestamp")).isNull();
            assertThat(JcaOracle.verifies(PUBLIC, r)).isTrue();
            previous = nonce;
        }
    }

    @Test
    void signingAnotherBody() {
        Recorded r = post(filter("bmVnLWtleQ==", false).signingBody("{\"a\":1}"), "{\n  \"a\": 1\n}");
        assertThat(JcaOracle.verifies(PUBLIC, r)).isFalse();
        assertThat(JcaOracle.verifies(PUBLIC, r.header("x-timestamp"), r.url(),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), r.header("x-sign"))).isTrue();
    }

    @Test
    void signingAnotherUrl() {
        Recorded r = post(filter("bmVnLWtleQ==", false).signingUrl("https://api.qredo.network/api/v1/p/company"), "{}");
        assertThat(JcaOracle.verifies(PUBLIC, r)).isFalse();
        assertThat(JcaOracle.verifies(PUBLIC, r.header("x-timestamp"), "https://api.qredo.network/api/v1/p/company",
                r.body(), r.header("x-sign"))).isTrue();
    }

    @Test
    void fixedAndAgedTimestampsAreValidlySignedButOld() {
        Recorded fixed = post(filter("bmVnLWtleQ==", false).withFreshness("1634226826"), "{}");
        assertThat(fixed.header("x-timestamp")).isEqualTo("1634226826");
        assertThat(JcaOracle.verifies(PUBLIC, fixed)).isTrue();

        long before = System.currentTimeMillis() / 1000;
        Recorded aged = post(filter("bmVnLWtleQ==", false).agedBy(Duration.ofMinutes(10)), "{}");
        long after = System.currentTimeMillis() / 1000;
        assertThat(Long.parseLong(aged.header("x-timestamp"))).isBetween(before - 600, after - 600);
        assertThat(JcaOracle.verifies(PUBLIC, aged)).isTrue();
    }

    @Test
    void reusingANonce() {
        PartnerApiSigningFilter f = filter("cmV1c2Uta2V5", true);
        Recorded first = post(f, "{}");
        Recorded again = post(f.withFreshness(first.header("x-nonce")), "{}");
        assertThat(again.header("x-nonce")).isEqualTo(first.header("x-nonce"));
        assertThat(JcaOracle.verifies(PUBLIC, again)).isTrue();
    }

    @Test
    void signingWithAnotherKey() {
        Recorded r = post(filter("bmVnLWtleQ==", false)
                .signedWith(PemKeys.readPrivateKey(TestData.file("keys/other-private.pem"), null)), "{}");
        assertThat(JcaOracle.verifies(PUBLIC, r)).isFalse();
        assertThat(JcaOracle.verifies(OTHER_PUBLIC, r)).isTrue();
    }

    @Test
    void leavingOutAHeader() {
        PartnerApiSigningFilter f = filter("bmVnLWtleQ==", false);
        assertThat(post(f.withoutHeader("x-sign"), "{}").header("x-sign")).isNull();
        assertThat(post(f.withoutHeader("x-api-key"), "{}").header("x-api-key")).isNull();
        Recorded noTimestamp = post(f.withoutHeader("x-timestamp"), "{}");
        assertThat(noTimestamp.header("x-timestamp")).isNull();
        assertThat(noTimestamp.header("x-sign")).isNotNull();
    }
}
