package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignCommandTest {

    private static final String KEY = TestData.pkcs1Key().toString();

    @TempDir
    Path dir;

    static Stream<Vector> vectors() {
        return TestData.vectors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsEveryVectorFromABodyFile(Vector v) throws Exception {
        Path body = Files.write(dir.resolve("body"), v.body());
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", v.url(), "--body-file", body.toString(),
                freshnessFlag(v), v.value());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("x-sign: " + v.xSign() + "\n" + v.header() + ": " + v.value() + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsEveryVectorFromStandardInput(Vector v) {
        CliRun run = CliRun.run(v.body(), "sign", "--key", KEY, "--url", v.url(), "--body-file", "-",
                freshnessFlag(v), v.value());
        assertThat(run.out()).isEqualTo("x-sign: " + v.xSign() + "\n" + v.header() + ": " + v.value() + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void promptsForTheUrlThenReadsTheBodyToEndOfInput(Vector v) {
        byte[] url = (v.url() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[url.length + v.body().length];
        System.arraycopy(url, 0, input, 0, url.length);
        System.arraycopy(v.body(), 0, input, url.length, v.body().length);

        CliRun run = CliRun.run(input, "sign", "--key", KEY, freshnessFlag(v), v.value());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("url: ").contains("body (");
        assertThat(run.out()).isEqualTo("x-sign: " + v.xSign() + "\n" + v.header() + ": " + v.value() + "\n");
    }

    @Test
    void takesThePublicClientsSingleDashTimestampFlag() {
        Vector v = TestData.vectors().stream().filter(x -> "x-timestamp".equals(x.header())).findFirst().orElseThrow();
        byte[] url = (v.url() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[url.length + v.body().length];
        System.arraycopy(url, 0, input, 0, url.length);
        System.arraycopy(v.body(), 0, input, url.length, v.body().length);

        CliRun spaced = CliRun.run(input, "sign", "--key", KEY, "-timestamp", v.value());
        CliRun joined = CliRun.run(input, "sign", "--key", KEY, "-timestamp=" + v.value());

        assertThat(spaced.out()).isEqualTo("x-sign: " + v.xSign() + "\nx-timestamp: " + v.value() + "\n");
        assertThat(joined.out()).isEqualTo(spaced.out());
    }

    @Test
    void warnsOnStandardErrorAboutAUrlNoServerSees() {
        CliRun bare = CliRun.run("sign", "--key", KEY, "--url", "api.qredo.network/api/v1/p/assets", "--timestamp", "1");
        assertThat(bare.exitCode()).isZero();
        assertThat(bare.out().lines()).hasSize(2);
        assertThat(bare.err()).contains("warning: the URL does not start with http:// or https://");

        CliRun spaced = CliRun.run("sign", "--key", KEY, "--url", "https://h/p ", "--timestamp", "1");
        assertThat(spaced.out().lines()).hasSize(2);
        assertThat(spaced.err()).contains("whitespace at position 12");

        CliRun fine = CliRun.run("sign", "--key", KEY, "--url", "https://h/p", "--timestamp", "1");
        assertThat(fine.err()).doesNotContain("warning");
    }

    @Test
    void defaultTimestampIsNowInSeconds() {
        long before = System.currentTimeMillis() / 1000;
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", "https://h/p");
        long stamp = Long.parseLong(run.out().lines().skip(1).findFirst().orElseThrow().substring("x-timestamp: ".length()));
        assertThat(stamp).isBetween(before, System.currentTimeMillis() / 1000);
    }

    @Test
    void curlFormatReadsTheApiKeyFromItsFileAndNeverPrintsIt() throws Exception {
        Vector v = TestData.vectors().get(1);
        Path body = Files.write(dir.resolve("body.json"), v.body());
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", v.url(), "--body-file", body.toString(),
                "--timestamp", v.value(), "--format", "curl", "--api-key-file", dir.resolve("apikey").toString());

        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).startsWith("curl ").contains("-X 'POST'", "'" + v.url() + "'", "x-sign: " + v.xSign(),
                "x-timestamp: " + v.value(), "$(cat '" + dir.resolve("apikey") + "')", "--data-binary @'" + body + "'");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CliRun.run("sign", "--key", KEY, "--timestamp", "1", "--nonce", "2").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("sign", "--key", KEY, "--timestamp", "1634226826000.5").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("sign", "--no-such-flag").exitCode()).isEqualTo(2);
    }

    @Test
    void otherErrorsExitWith1AndOneLineWithoutStackTrace() throws Exception {
        CliRun missingKey = CliRun.run("sign", "--key", dir.resolve("private.pem").toString(), "--url", "https://h");
        assertThat(missingKey.exitCode()).isEqualTo(1);
        assertThat(missingKey.err().lines()).hasSize(1);
        assertThat(missingKey.err()).contains("private.pem", "no such file").doesNotContain("\tat ");

        CliRun encrypted = CliRun.run("sign", "--key", TestData.file("keys/encrypted-pkcs8.pem").toString(),
                "--url", "https://h");
        assertThat(encrypted.exitCode()).isEqualTo(1);
        assertThat(encrypted.err()).contains("encrypted", "--key-password-env");

        CliRun missingBody = CliRun.run("sign", "--key", KEY, "--url", "https://h", "--body-file",
                dir.resolve("nope.json").toString());
        assertThat(missingBody.err()).contains("nope.json", "no such file");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = CliRun.run("sign", "--verbose", "--key", dir.resolve("x.pem").toString(), "--url", "https://h");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ");
    }

    private static String freshnessFlag(Vector v) {
        return "x-nonce".equals(v.header()) ? "--nonce" : "--timestamp";
    }
}
