package com.example.partnerapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerapi.harness.allure.AllureAttachments;
import io.github.partnerapi.harness.catalogue.CaseLoader;
import io.github.partnerapi.harness.catalogue.CaseResult;
import io.github.partnerapi.harness.catalogue.CatalogueRunner;
import io.github.partnerapi.harness.catalogue.CatalogueTarget;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** This project's own gotcha cases (src/test/resources/cases/NAME/), one test each, reported to Allure. */
class OwnCatalogueTest {

    static VerifierStub stub;
    static CatalogueRunner runner;

    @BeforeAll
    static void start() {
        StubCredentials credentials = StubCredentials.generate();
        stub = VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .mode(StubMode.STRICT).build();
        runner = new CatalogueRunner(List.of(new CatalogueTarget("stub (strict)", stub.baseUri(), credentials.apiKey(),
                credentials.keyPair().getPrivate(), credentials.keyPair().getPublic(), "strict")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return CaseLoader.load(Path.of("src/test/resources/cases")).stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    CaseResult result = runner.run(c);
                    AllureAttachments.caseResult(result);
                    assertEquals(CaseResult.Verdict.PASSED, result.verdict(), result.message());
                }));
    }
}
