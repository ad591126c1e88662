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
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension as users meet it: example classes run through JUnit's EngineTestKit against the embedded stub. */
class PartnerApiExtensionIT {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    private static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    private static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        var kit = EngineTestKit.engine("junit-jupiter").configurationParameters(parameters);
        for (Class<?> type : classes) {
            kit = kit.selectors(selectClass(type));
        }
        return kit.execute();
    }

    @PartnerApiTest
    static class EveryParameterType {
        @Test
        void resolves(RequestSpecification api, PartnerApiSigningFilter filter, VerifierStub stub, PartnerApiTarget target) {
            assertThat(target.baseUri()).isEqualTo(stub.baseUri());
            assertThat(target.isStub()).isTrue();
            assertThat(target.toString()).doesNotContain(target.apiKey().value());
            String id = given(api).body(Map.of("name", "Extension Corp")).post("/company")
                    .then().statusCode(200).extract().path("company_id");
            given(api).get("/company/" + id).then().statusCode(200);
            assertThat(filter.lastSignedRequest().url()).isEqualTo(stub.baseUri() + "/company/" + id);
            SEEN.put("stub-a", stub);
        }
    }

    @PartnerApiTest
    static class AnotherClass {
        @Test
        void sharesTheStub(VerifierStub stub, RequestSpecification api) {
            given(api).get("/assets").then().statusCode(200);
            SEEN.put("stub-b", stub);
        }
    }

    @Test
    void resolvesEachTypeAndSharesOneStubAcrossClassesClosedAtTheEnd() {
        run(EveryParameterType.class, AnotherClass.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        VerifierStub a = (VerifierStub) SEEN.get("stub-a");
        assertThat(SEEN.get("stub-b")).isSameAs(a);
        assertThat(a.isRunning()).isFalse();
    }

    @PartnerApiTest(target = "remote")
    static class RemoteWithoutCredentials {
        @Test
        void neverRuns(RequestSpecification api) {
            throw new AssertionError("must be disabled");
        }
    }

    @Test
    void remoteWithoutCredentialsIsDisabledWithTheMissingKeys() {
        var events = run(RemoteWithoutCredentials.class).allEvents();
        events.assertStatistics(s -> s.failed(0).succeeded(1).skipped(1));
        String reason = events.skipped().stream().findFirst().orElseThrow().getPayload(String.class).orElseThrow();
        assertThat(reason).contains("partnerapi.base-uri", "partnerapi.api-key", "partnerapi.private-key-file");
    }

    @PartnerApiTest(target = "moon")
    static class UnknownTarget {
        @Test
        void fails() {
        }
    }

    @PartnerApiTest(target = "remote", baseUri = "http://127.0.0.1:9/api/v1/p", apiKey = "a2V5LWZvci10ZXN0",
            privateKeyFile = "no/such/private.pem")
    static class UnreadableKey {
        @Test
        void fails(RequestSpecification api) {
        }
    }

    @Test
    void badConfigurationFailsNamingTheKeyAndTheValue() {
        run(UnknownTarget.class).testEvents().assertThatEvents().haveExactly(1, event(test("fails"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("partnerapi.target")
                        && m.contains("'moon'")))));
        run(UnreadableKey.class).testEvents().assertThatEvents().haveExactly(1, event(test("fails"), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("partnerapi.private-key-file=no/such/private.pem") && m.contains("no such file")))));
    }

    @PartnerApiTest
    static class FreshnessFromPlatformParameters {
        @Test
        void nonces(PartnerApiSigningFilter filter, RequestSpecification api) {
            given(api).get("/assets").then().statusCode(200);
            SEEN.put("params-nonce", filter.usesNonces());
            SEEN.put("params-header", filter.lastSignedRequest().freshnessHeader());
        }
    }

    @PartnerApiTest(freshness = "timestamp")
    static class AnnotationBeatsParameters {
        @Test
        void timestamps(PartnerApiSigningFilter filter) {
            SEEN.put("annotation-nonce", filter.usesNonces());
        }
    }

    @Test
    void annotationAttributesWinOverPlatformParameters() {
        run(Map.of("partnerapi.freshness", "nonce"), FreshnessFromPlatformParameters.class, AnnotationBeatsParameters.class)
                .testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(SEEN.get("params-nonce")).isEqualTo(true);
        assertThat(SEEN.get("params-header")).isEqualTo("x-nonce");
        assertThat(SEEN.get("annotation-nonce")).isEqualTo(false);
    }

    @PartnerApiTest(freshness = "timestamp", stubMode = "strict")
    static class ProgrammaticWins {
        @RegisterExtension
        static PartnerApiExtension partnerApi = PartnerApiExtension.builder().freshness("nonce").stubMode("sandbox").build();

        @Test
        void builderValuesWin(PartnerApiSigningFilter filter, VerifierStub stub, RequestSpecification api) {
            SEEN.put("programmatic-nonce", filter.usesNonces());
            SEEN.put("programmatic-mode", stub.mode());
            given(api).filter((req, res, ctx) -> ctx.next(req, res)).get("/assets").then().statusCode(200);
        }
    }

    @Test
    void registeredExtensionWinsOverTheAnnotationWithoutCompetingResolvers() {
        run(ProgrammaticWins.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SEEN.get("programmatic-nonce")).isEqualTo(true);
        assertThat(SEEN.get("programmatic-mode")).isEqualTo(StubMode.SANDBOX);
    }

    @PartnerApiTest(stubMode = "sandbox")
    static class SandboxStub {
        @Test
        void acceptsAnUnsignedRequest(PartnerApiSigningFilter filter, PartnerApiTarget target) {
            given().baseUri(target.baseUri()).filter(filter.withoutHeader("x-sign")).get("/assets").then().statusCode(200);
        }
    }

    @PartnerApiTest
    static class ExpectsTwoHundredGetsFourOhOne {
        @Test
        void tamperedBody(RequestSpecification api, PartnerApiSigningFilter filter) {
            given(api).filter(filter.signingBody("{\"name\":\"ACME\"}")).body("{\n  \"name\": \"ACME\"\n}")
                    .post("/company").then().statusCode(200);
        }
    }

    @Test
    void a401FailureShowsStringToSignHeadersResponseAndTheDoctorsFinding() {
        var events = run(ExpectsTwoHundredGetsFourOhOne.class).testEvents();
        events.assertStatistics(s -> s.failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("Expected status code <200> but was <401>", "answered 401 to POST",
                "\"reason\":\"signature\"", "x-api-key=", "… (44 chars)", "string-to-sign:", "body-compacted");
        assertThat(failure.getMessage()).containsPattern("string-to-sign: \\d+http://[^\\n]*/company\\{\"name\":\"ACME\"}\\n")
                .containsPattern("sent instead: +\\d+http://[^\\n]*/company\\{\\[LF\\]\\n {20}\"name\": \"ACME\"\\[LF\\]\\n {18}}\\n");
    }

    @PartnerApiTest
    static class ParameterizedFactoryAndNested {
        @ParameterizedTest
        @ValueSource(strings = {"alpha", "beta", "gamma"})
        void parameterized(String name, RequestSpecification api) {
            given(api).body(Map.of("name", name)).post("/company").then().statusCode(200);
        }

        @TestFactory
        Stream<DynamicTest> factory(RequestSpecification api) {
            return Stream.of("one", "two").map(n -> DynamicTest.dynamicTest(n,
                    () -> given(api).get("/company/search?query=" + n).then().statusCode(200)));
        }

        @Nested
        class Inner {
            @Test
            void nested(RequestSpecification api, PartnerApiTarget target) {
                assertThat(target.isStub()).isTrue();
                given(api).get("/assets").then().statusCode(200);
            }
        }
    }

    @Test
    void worksWithParameterizedFactoriesNestedSandboxAndParallelClasses() {
        Map<String, String> parallel = Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        run(parallel, ParameterizedFactoryAndNested.class, SandboxStub.class, ParallelOne.class, ParallelTwo.class)
                .testEvents().assertStatistics(s -> s.succeeded(3 + 2 + 1 + 1 + 8).failed(0));
    }

    @PartnerApiTest(freshness = "nonce")
    static class ParallelOne {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4})
        void nonceRequests(int i, RequestSpecification api) {
            given(api).body(Map.of("name", "Parallel " + i)).post("/company").then().statusCode(200);
        }
    }

    @PartnerApiTest(freshness = "nonce")
    static class ParallelTwo {
        @ParameterizedTest
        @ValueSource(ints = {5, 6, 7, 8})
        void nonceRequests(int i, RequestSpecification api) {
            given(api).get("/company/search?query=parallel").then().statusCode(200);
        }
    }
}
