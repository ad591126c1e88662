package io.github.partnerapi.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.allure.AllureAttachments;
import io.github.partnerapi.harness.allure.AllureEnvironment;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.testing.TestData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of testdata/cases against a strict and a sandbox stub: one test per case, reported to Allure. */
class GotchaCatalogueIT {

    static final List<CatalogueCase> CASES = CaseLoader.load(TestData.file("cases"));
    static StubCredentials credentials;
    static VerifierStub strict;
    static VerifierStub sandbox;
    static CatalogueRunner runner;

    @BeforeAll
    static void start() {
        credentials = StubCredentials.generate();
        strict = stub(StubMode.STRICT);
        sandbox = stub(StubMode.SANDBOX);
        runner = new CatalogueRunner(List.of(target("stub (strict)", strict, "strict"),
                target("stub (sandbox)", sandbox, "sandbox")), Clock.systemUTC());
        AllureEnvironment.put(Map.of("catalogue.targets", "embedded stub, strict and sandbox",
                "catalogue.cases", Integer.toString(CASES.size())));
    }

    @AfterAll
    static void stop() {
        strict.close();
        sandbox.close();
    }

    private static VerifierStub stub(StubMode mode) {
        return VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .mode(mode).build();
    }

    private static CatalogueTarget target(String name, VerifierStub stub, String mode) {
        return new CatalogueTarget(name, stub.baseUri(), credentials.apiKey(), credentials.keyPair().getPrivate(),
                credentials.keyPair().getPublic(), mode);
    }

    @TestFactory
    Stream<DynamicTest> catalogue() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            CaseResult result = runner.run(c);
            AllureAttachments.caseResult(result);
            Assumptions.assumeFalse(result.verdict() == CaseResult.Verdict.SKIPPED, result.message());
            assertThat(result.verdict()).as("%s: %s (%s)%s", c.name(), result.message(), c.description(),
                    result.finding() == null ? "" : "\n" + result.finding().report()).isEqualTo(CaseResult.Verdict.PASSED);
        }));
    }

    @Test
    void theCatalogueCoversTheDocumentedGotchas() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CASES.stream().filter(c -> c.expectedStatus() == 200)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(CASES.stream().map(CatalogueCase::expectedReason).distinct())
                .contains("signature", "timestamp", "nonce", "freshness", "apikey", "empty token");
    }

    @Test
    void everySignatureCaseNamesTheCauseTheDoctorMustFind() {
        assertThat(CASES.stream().filter(c -> "signature".equals(c.expectedReason())
                && !"missing".equals(c.setting("signature", "valid")))).allSatisfy(c -> assertThat(c.expectedCause())
                        .as(c.name()).isNotNull());
    }

    @Test
    void signatureFailuresCarryTheDoctorsFinding() {
        CatalogueCase compactPretty = CASES.stream().filter(c -> c.name().equals("compact-signed-pretty-sent"))
                .findFirst().orElseThrow();
        CaseResult result = runner.run(compactPretty);
        assertThat(result.finding().cause().code()).isEqualTo("body-compacted");
        assertThat(result.exchange().headers().get("x-api-key")).endsWith("(44 chars)")
                .doesNotContain(credentials.apiKey().value());
    }
}
