package io.github.partnerapi.harness.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.partnerapi.harness.testing.FixedAnswerServer;
import io.github.partnerapi.harness.testing.TestData;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Each contract violation becomes an Allure attachment of the running test (the lifecycle is global: run alone). */
@Isolated
class ContractAllureIT {

    static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
    static final List<TestResult> RESULTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Keeps what Allure writes in memory. */
    static final class MemoryWriter implements AllureResultsWriter {
        @Override
        public void write(TestResult result) {
            RESULTS.add(result);
        }

        @Override
        public void write(TestResultContainer container) {
        }

        @Override
        public void write(String source, InputStream attachment) {
            try (attachment) {
                FILES.put(source, attachment.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

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
            Allure.setLifecycle(new AllureLifecycle(new MemoryWriter()));
            EngineTestKit.engine("junit-jupiter").configurationParameters(Map.of("partnerapi.contract", "report",
                    "partnerapi.target", "remote", "partnerapi.base-uri", impostor.baseUri(),
                    "partnerapi.api-key", ContractChecksIT.API_KEY,
                    "partnerapi.private-key-file", TestData.pkcs1Key().toString()))
                    .selectors(selectClass(ReportedViolations.class)).execute()
                    .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        } finally {
            Allure.setLifecycle(original);
        }
        TestResult result = RESULTS.stream().filter(r -> r.getName().equals("wrongShapes")).findFirst().orElseThrow();
        Map<String, String> violations = result.getAttachments().stream()
                .filter(a -> a.getName().startsWith("contract violation: "))
                .collect(Collectors.toMap(Attachment::getName,
                        a -> new String(FILES.get(a.getSource()), StandardCharsets.UTF_8)));
        assertThat(violations).containsOnlyKeys("contract violation: POST /company -> 200",
                "contract violation: GET /assets -> 200");
        assertThat(violations.get("contract violation: POST /company -> 200"))
                .startsWith("response: [Path '/company_id'] Instance type (integer)")
                .contains("key: validation.response.body.schema.type");
        assertThat(String.join("\n", violations.values())).doesNotContain(ContractChecksIT.API_KEY);
    }
}
