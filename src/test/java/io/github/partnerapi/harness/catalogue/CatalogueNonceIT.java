package io.github.partnerapi.harness.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A nonce case after another process used the key with a higher nonce: the failure names that cause. */
class CatalogueNonceIT {

    @Test
    void aNonce401AfterAnotherProcessSaysSo() {
        StubCredentials credentials = StubCredentials.generate();
        try (VerifierStub stub = VerifierStub.builder().apiKey(credentials.apiKey().value(),
                credentials.keyPair().getPublic()).mode(StubMode.STRICT).build()) {
            PartnerApiSigningFilter elsewhere = PartnerApiSigningFilter.builder().apiKey(credentials.apiKey())
                    .privateKey(credentials.keyPair().getPrivate()).nonces().build()
                    .withFreshness(Long.toString(System.currentTimeMillis() + 3_600_000));
            given().baseUri(stub.baseUri()).filter(elsewhere).get("/assets").then().statusCode(200);

            CatalogueRunner runner = new CatalogueRunner(List.of(new CatalogueTarget("stub (strict)", stub.baseUri(),
                    credentials.apiKey(), credentials.keyPair().getPrivate(), credentials.keyPair().getPublic(), "strict")),
                    Clock.systemUTC());
            CaseResult result = runner.run(new CatalogueCase("nonce-next", "a valid request in nonce mode", "GET", "/assets",
                    null, null, null, Map.of("freshness", "nonce"), 200, null));

            assertThat(result.verdict()).isEqualTo(CaseResult.Verdict.FAILED);
            assertThat(result.got()).isEqualTo("401 nonce");
            assertThat(result.message()).startsWith("expected 200 but got 401 nonce; ")
                    .contains("another process may have used the key");
        }
    }
}
