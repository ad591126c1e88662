package io.github.partnerapi.harness.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.testing.FixedAnswerServer;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.filter.Filter;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** partnerapi.contract through JUnit's EngineTestKit: fail, report and off, against the stub and a remote impostor. */
class ContractChecksIT {

    static final String API_KEY = "YXBpLXRlc3Qta2V5LTEyMzQ=";
    /** One wrong type for POST /company (company_id) and one for GET /assets. */
    static final String WRONG_SHAPES = "{\"company_id\":5,\"ref\":\"QA-42\",\"assets\":\"none\"}";
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
    /** A remote target that signs nothing off and answers every request 200 with the wrong shape. */
    static FixedAnswerServer impostor;

    @BeforeAll
    static void startImpostor() throws IOException {
        impostor = new FixedAnswerServer(200, ContractChecksIT.WRONG_SHAPES);
    }

    @AfterAll
    static void stopImpostor() {
        impostor.close();
    }

    private static EngineExecutionResults run(Class<?> type, String contract, boolean remote) {
        Map<String, String> parameters = new HashMap<>();
        if (contract != null) {
            parameters.put("partnerapi.contract", contract);
        }
        if (remote) {
            parameters.putAll(Map.of("partnerapi.target", "remote", "partnerapi.base-uri", impostor.baseUri(),
                    "partnerapi.api-key", API_KEY, "partnerapi.private-key-file", TestData.pkcs1Key().toString()));
        }
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters).selectors(selectClass(type))
                .execute();
    }

    @SuppressWarnings("unchecked")
    private static List<String> filters(String key) {
        return (List<String>) SEEN.get(key);
    }

    private static List<String> filterNames(RequestSpecification api) {
        List<Filter> filters = ((FilterableRequestSpecification) api).getDefinedFilters();
        return filters.stream().map(f -> f.getClass().getSimpleName()).toList();
    }

    @PartnerApiTest
    static class WrongShapes {
        @Test
        void answersHaveTheWrongShape(RequestSpecification api) {
            SEEN.put("wrong-shapes-filters", filterNames(api));
            given(api).body(Map.of("name", "ACME")).post("/company").then().statusCode(200);
            given(api).get("/assets").then().statusCode(200);
        }
    }

    @Test
    void failModeFailsTheTestListingEveryViolationOfTheSignedExchanges() {
        Events tests = run(WrongShapes.class, null, true).testEvents();
        tests.assertStatistics(s -> s.failed(1).succeeded(0));
        Throwable failure = tests.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("2 contract violations", "partnerapi.contract=fail")
                .contains("POST /company -> 200: response: [Path '/company_id'] Instance type (integer)")
                .contains("GET /assets -> 200: response: [Path '/assets'] Instance type (string)")
                // the filter saw the request as signed: x-api-key and x-sign are required headers, and a 200 counts
                .doesNotContain("request:", "x-sign").doesNotContain(API_KEY);
        assertThat(filters("wrong-shapes-filters"))
                .containsSubsequence("PartnerApiSigningFilter", "ContractFilter");
    }

    @Test
    void reportModeLetsTheTestPass() {
        run(WrongShapes.class, "report", true).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @PartnerApiTest
    static class WrongShapesUnchecked {
        @Test
        void answersHaveTheWrongShape(RequestSpecification api) {
            SEEN.put("unchecked-filters", filterNames(api));
            given(api).get("/assets").then().statusCode(200);
        }
    }

    @Test
    void offModeChecksNothing() {
        run(WrongShapesUnchecked.class, "OFF", true).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(filters("unchecked-filters")).containsExactly("ExchangeLog", "PartnerApiSigningFilter");
    }

    @PartnerApiTest(contract = "off")
    static class OffByAnnotation {
        @Test
        void answersHaveTheWrongShape(RequestSpecification api) {
            given(api).get("/assets").then().statusCode(200);
        }
    }

    @Test
    void theAnnotationAttributeWinsOverTheConfigurationParameter() {
        run(OffByAnnotation.class, "fail", true).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @PartnerApiTest(contract = "strict")
    static class UnknownMode {
        @Test
        void fails(RequestSpecification api) {
        }
    }

    @Test
    void anUnknownModeNamesTheKeyAndTheChoices() {
        run(UnknownMode.class, null, false).testEvents().assertThatEvents().haveExactly(1, event(test("fails"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
                        m.contains("partnerapi.contract must be one of fail, off, report, got 'strict'")))));
    }

    @PartnerApiTest
    static class StubExchanges {
        @Test
        void holdToTheContract(RequestSpecification api, PartnerApiSigningFilter filter) {
            SEEN.put("stub-filters", filterNames(api));
            String id = given(api).body(Map.of("name", "Contract Corp")).post("/company")
                    .then().statusCode(200).extract().path("company_id");
            given(api).get("/company/" + id).then().statusCode(200);
            given(api).get("/company/search?query=contract").then().statusCode(200);
            given(api).get("/assets").then().statusCode(200);
            // refused requests may break the description (no x-sign here): the refusal is what is checked
            given(api).filter(filter.withoutHeader("x-sign")).get("/assets").then().statusCode(401);
            given(api).get("/company/no-such-company").then().statusCode(404);
        }
    }

    @Test
    void theStubsAnswersAndRefusalsHoldToTheContract() {
        run(StubExchanges.class, "fail", false).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(filters("stub-filters")).containsSubsequence("PartnerApiSigningFilter", "ContractFilter");
    }
}
