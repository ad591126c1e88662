package io.github.partnerapi.harness.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A nonce 401 the harness did not cause on purpose: another process (here, the same test pretending
 * to be one on another machine) sent a higher nonce with the key first. The failure says so.
 */
class NonceRejectedIT {

    @PartnerApiTest(freshness = "nonce")
    static class AnotherMachineWentFirst {
        @Test
        void sendsAfterAHigherNonce(RequestSpecification api, PartnerApiSigningFilter filter) {
            String ahead = Long.toString(System.currentTimeMillis() + 3_600_000);
            given(api).filter(filter.withFreshness(ahead)).get("/assets").then().statusCode(200);
            given(api).get("/assets").then().statusCode(200);
        }
    }

    @Test
    void theFailureSaysAnotherProcessMayHaveUsedTheKey() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AnotherMachineWentFirst.class))
                .execute().testEvents();
        events.assertStatistics(s -> s.failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure.getMessage()).contains("Expected status code <200> but was <401>", "\"reason\":\"nonce\"",
                "another process may have used the key", "send timestamps");
    }
}
