package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandIT {

    @TempDir
    Path dir;

    private static String lastLine(CliRun run) {
        List<String> lines = run.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void bundledCatalogueOnEmbeddedStubsPasses() {
        CliRun run = CliRun.run("check");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("case ").contains("compact-signed-pretty-sent", "401 signature");
        assertThat(lastLine(run)).matches("\\d{2,} passed, 0 failed");
    }

    @Test
    void aSandboxTargetIsFoundByTheCanaryAndSignatureCasesAreSkipped() throws Exception {
        StubCredentials credentials = StubCredentials.generate();
        credentials.writeTo(dir);
        try (VerifierStub sandbox = VerifierStub.builder().apiKey(credentials.apiKey().value(),
                credentials.keyPair().getPublic()).mode(StubMode.SANDBOX).build()) {
            CliRun run = CliRun.run("check", "--cases", TestData.file("cases").toString(), "--base-uri", sandbox.baseUri(),
                    "--api-key-file", dir.resolve("apikey").toString(), "--key", dir.resolve("private.pem").toString());
            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(lastLine(run)).matches("\\d+ passed, 0 failed, \\d+ skipped");
            assertThat(run.out()).containsPattern("compact-signed-pretty-sent +401 signature +- +skipped")
                    .containsPattern("sandbox-accepts-bad-signature +200 +200 +passed")
                    .containsPattern("missing-api-key +401 empty token +401 empty token +passed");
        }
    }

    @Test
    void againstARemoteStrictTargetTheDoctorsCauseIsCheckedToo() throws Exception {
        StubCredentials credentials = StubCredentials.generate();
        credentials.writeTo(dir);
        Path wrongCause = Files.createDirectories(dir.resolve("cases/wrong-cause"));
        Files.writeString(wrongCause.resolve("uri"), "GET /assets\n");
        Files.writeString(wrongCause.resolve("signed-uri"), "/assets/\n");
        Files.writeString(wrongCause.resolve("case.properties"), "expect.status=401\nexpect.reason=signature\n"
                + "expect.cause=url-query\n");
        try (VerifierStub strict = VerifierStub.builder().apiKey(credentials.apiKey().value(),
                credentials.keyPair().getPublic()).build()) {
            CliRun run = CliRun.run("check", "--cases", dir.resolve("cases").toString(), "--base-uri", strict.baseUri(),
                    "--api-key-file", dir.resolve("apikey").toString(), "--key", dir.resolve("private.pem").toString());
            assertThat(run.out()).containsPattern("wrong-cause +401 signature +401 signature +failed \\(expected the "
                    + "signature doctor to name url-query but it named url-path\\)");
        }
    }

    @Test
    void aCaseWrittenInTheDocumentedFormatRunsAndAWrongExpectationFails() throws Exception {
        Path ok = Files.createDirectories(dir.resolve("cases/my-crlf-case"));
        Files.writeString(ok.resolve("uri"), "POST /company\n");
        Files.writeString(ok.resolve("body"), "{\r\n  \"name\": \"Mine\"\r\n}");
        Files.writeString(ok.resolve("signed-body"), "{\n  \"name\": \"Mine\"\n}");
        Files.writeString(ok.resolve("case.properties"), "expect.status=401\nexpect.reason=signature\n"
                + "expect.cause=body-line-endings\n");
        Path wrong = Files.createDirectories(dir.resolve("cases/wrong-expectation"));
        Files.writeString(wrong.resolve("uri"), "GET /assets\n");
        Files.writeString(wrong.resolve("case.properties"), "expect.status=401\nexpect.reason=signature\n");
        Path wrongCause = Files.createDirectories(dir.resolve("cases/wrong-cause"));
        Files.writeString(wrongCause.resolve("uri"), "GET /assets\n");
        Files.writeString(wrongCause.resolve("signed-uri"), "/assets/\n");
        Files.writeString(wrongCause.resolve("case.properties"), "expect.status=401\nexpect.reason=signature\n"
                + "expect.cause=url-query\n");

        CliRun run = CliRun.run("check", "--cases", dir.resolve("cases").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("my-crlf-case +401 signature +401 signature +passed")
                .containsPattern("wrong-expectation +401 signature +200 +failed")
                .containsPattern("wrong-cause +401 signature +401 signature +failed \\(expected the signature doctor "
                        + "to name url-query but it named url-path\\)");
        assertThat(lastLine(run)).isEqualTo("1 passed, 2 failed");
    }

    @Test
    void anUnknownKeyOrCauseInACaseIsAClearError() throws Exception {
        CliRun run = checkOneCase("typo", "expect.status=401\nexpect.reasn=signature\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("typo/case.properties", "unknown key 'expect.reasn'", "expect.reason")
                .doesNotContain("\tat ");

        run = checkOneCase("cause", "expect.status=401\nexpect.cause=body-bomb\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cause/case.properties", "'body-bomb' is not a signature doctor cause");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode=strictt", "freshness=foo", "timestamp=abc", "nonce=later", "api-key=maybe",
        "signature=weird", "content-type= "})
    void aSettingOutsideItsValuesIsAClearError(String setting) throws Exception {
        CliRun run = checkOneCase("bad", "expect.status=200\n" + setting + "\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad/case.properties", setting.substring(0, setting.indexOf('=')), "expected")
                .doesNotContain("\tat ");
    }

    @Test
    void aMalformedCaseIsAClearError() throws Exception {
        CliRun run = checkOneCase("bad", "expect.status=ok\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad/case.properties", "expect.status", "'ok'").doesNotContain("\tat ");
    }

    /** Runs check on a catalogue of one case, {@code GET /assets} with these case.properties. */
    private CliRun checkOneCase(String name, String properties) throws Exception {
        Path cases = dir.resolve(name + "-catalogue");
        Path folder = Files.createDirectories(cases.resolve(name));
        Files.writeString(folder.resolve("uri"), "GET /assets\n");
        Files.writeString(folder.resolve("case.properties"), properties);
        return CliRun.run("check", "--cases", cases.toString());
    }
}
