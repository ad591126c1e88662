package io.github.partnerapi.harness.restassured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.JcaOracle;
import io.github.partnerapi.harness.testing.RecordingServer;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** RestAssured.filters(...) is JVM-global, and port 80 is one, so these run with no other test alongside. */
@Isolated
class GlobalFilterIT {

    @Test
    void registeredGloballyEveryRequestIsSigned() throws Exception {
        PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder().apiKey("Z2xvYmFsLWtleQ==")
                .privateKey(TestData.pkcs1Key()).build();
        try (RecordingServer server = new RecordingServer()) {
            RestAssured.filters(filter);
            try {
                given().baseUri(server.baseUri()).port(server.port()).body("{\"g\":1}").post("/global")
                        .then().statusCode(200);
                given().baseUri(server.baseUri()).port(server.port()).get("/global?x=1").then().statusCode(200);
            } finally {
                RestAssured.reset();
            }
            assertThat(server.requests()).hasSize(2).allSatisfy(r ->
                    assertThat(JcaOracle.verifies(PemKeys.readPublicKey(TestData.publicKey()), r)).isTrue());
        }
    }

    /** A URL without a port goes to port 80 with "Host: 127.0.0.1": signed as written, without ":80". */
    @Test
    void defaultPortIsSignedAsWrittenWithoutAPort() throws Exception {
        PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder().apiKey("ZGVmYXVsdC1wb3J0")
                .privateKey(TestData.pkcs1Key()).build();
        try (RecordingServer server = new RecordingServer(80)) {
            given().filter(filter).get("http://127.0.0.1/api/v1/p/assets?x=1").then().statusCode(200);
            assertThat(server.last().header("host")).isEqualTo("127.0.0.1");
            assertThat(filter.lastSignedRequest().url()).isEqualTo("http://127.0.0.1/api/v1/p/assets?x=1");
            assertThat(JcaOracle.verifies(PemKeys.readPublicKey(TestData.publicKey()), server.last())).isTrue();
        }
    }
}
