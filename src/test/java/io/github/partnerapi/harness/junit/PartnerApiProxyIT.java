package io.github.partnerapi.harness.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@code partnerapi.proxy=true}: a remote target that checks only the API key, with strict verdicts in front. */
class PartnerApiProxyIT {

    private static final String API_KEY = "anVuaXQtcHJveHkta2V5";

    @PartnerApiTest(target = "remote")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AgainstASandbox {
        @Test
        @Order(1)
        void aSignedRequestGoesThrough(RequestSpecification api, PartnerApiTarget target) {
            assertThat(target.baseUri()).endsWith("/api/v1/p");
            given(api).body(Map.of("name", "Proxied Corp")).post("/company").then().statusCode(200)
                    .header("x-partnerapi-verdict", "valid");
        }

        @Test
        @Order(2)
        void aBodyChangedAfterSigningWouldPassTheSandbox(RequestSpecification api, PartnerApiSigningFilter filter) {
            given(api).filter(filter.signingBody("{\"name\":\"ACME\"}")).body("{\n  \"name\": \"ACME\"\n}")
                    .post("/company").then().statusCode(200);
        }
    }

    @Test
    void aRequestTheSandboxLetsThroughFailsWithTheDoctorsFindingAndIsNotForwarded() {
        try (VerifierStub sandbox = VerifierStub.builder().mode(StubMode.SANDBOX)
                .apiKey(API_KEY, PemKeys.readPublicKey(TestData.publicKey())).build()) {
            Map<String, String> remote = Map.of("partnerapi.base-uri", sandbox.baseUri(), "partnerapi.api-key", API_KEY,
                    "partnerapi.private-key-file", TestData.pkcs1Key().toString());

            Events plain = EngineTestKit.engine("junit-jupiter").configurationParameters(remote)
                    .selectors(selectClass(AgainstASandbox.class)).execute().testEvents();
            plain.assertStatistics(s -> s.succeeded(1).failed(1));
            assertThat(failureOf(plain).getMessage()).as("only the verdict header is missing")
                    .contains("x-partnerapi-verdict");
            assertThat(sandbox.companyCount()).as("without the proxy the sandbox accepts the tampered body").isEqualTo(2);

            Map<String, String> proxied = new java.util.HashMap<>(remote);
            proxied.put("partnerapi.proxy", "true");
            Events events = EngineTestKit.engine("junit-jupiter").configurationParameters(proxied)
                    .selectors(selectClass(AgainstASandbox.class)).execute().testEvents();

            events.assertStatistics(s -> s.succeeded(1).failed(1));
            Throwable failure = failureOf(events);
            assertThat(failure).isInstanceOf(AssertionError.class);
            assertThat(failure.getMessage()).contains("Expected status code <200> but was <401>", "\"reason\":\"signature\"",
                    "signature doctor: body-compacted");
            assertThat(sandbox.companyCount()).as("the tampered request was not forwarded").isEqualTo(3);
        }
    }

    private static Throwable failureOf(Events events) {
        return events.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }
}
