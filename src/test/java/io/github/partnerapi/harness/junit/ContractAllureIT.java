package io.github.partnerapi.harness.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.partnerapi.harness.testing.AllureMemory;
import io.github.partnerapi.harness.testing.FixedAnswerServer;
import io.github.partnerapi.harness.testing.TestData;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Each contract violation becomes an Allure attachment of the running test (the lifecycle is global: run alone). */
@Isolated
class ContractAllureIT {

    /** Where Allure writes while this test runs (the nested test class reports through the global lifecycle). */
    static final AllureMemory MEMORY = new AllureMemory();

    @PartnerApiTest
    static class ReportedViolations {
        @Test
        void wrongShapes(RequestSpecification api) {
            AllureLifecycle lifecycle = Allure.getLifecycle();
            String uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("wrongShapes"));
            lifecycle.startTestCase(uuid);
            given(api).body(Map.of("name", "ACME")).post("/company").then().statusCode(200);
            given(api).get("/assets").then().statusCode(200);
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
    }

    @Test
    void reportModeAttachesEachViolationAndTheTestPasses() throws IOException {
        AllureLifecycle original = Allure.getLifecycle();
        try (FixedAnswerServer impostor = new FixedAnswerServer(200, ContractChecksIT.WRONG_SHAPES)) {
            Allure.setLifecycle(new AllureLifecycle(MEMORY));
            EngineTestKit.engine("junit-jupiter").configurationParameters(Map.of("partnerapi.contract", "report",
                    "partnerapi.target", "remote", "partnerapi.base-uri", impostor.baseUri(),
                    "partnerapi.api-key", ContractChecksIT.API_KEY,
                    "partnerapi.private-key-file", TestData.pkcs1Key().toString()))
                    .selectors(selectClass(ReportedViolations.class)).execute()
                    .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        } finally {
            Allure.setLifecycle(original);
        }
        TestResult result = MEMORY.results.stream().filter(r -> r.getName().equals("wrongShapes")).findFirst().orElseThrow();
        Map<String, String> violations = result.getAttachments().stream()
                .filter(a -> a.getName().startsWith("contract violation: "))
                .collect(Collectors.toMap(Attachment::getName,
                        a -> new String(MEMORY.files.get(a.getSource()), StandardCharsets.UTF_8)));
        assertThat(violations).containsOnlyKeys("contract violation: POST /company -> 200",
                "contract violation: GET /assets -> 200");
        assertThat(violations.get("contract violation: POST /company -> 200"))
                .startsWith("response: [Path '/company_id'] Instance type (integer)")
                .contains("key: validation.response.body.schema.type");
        assertThat(String.join("\n", violations.values())).doesNotContain(ContractChecksIT.API_KEY);
    }
}
