package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.testing.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code proxy} as a real process in front of a sandbox-mode stub, and its option errors. */
class ProxyCommandIT {

    private static final String API_KEY = "Y2xpLXByb3h5LWtleQ==";

    @TempDir
    Path dir;

    @Test
    void listensAnswersWithTheVerdictAndStopsWithExitZeroOnSigintAndSigterm() throws Exception {
        try (VerifierStub sandbox = VerifierStub.builder().mode(StubMode.SANDBOX)
                .apiKey(API_KEY, PemKeys.readPublicKey(TestData.publicKey())).build()) {
            Path keyFile = Files.writeString(dir.resolve("apikey"), API_KEY + "\n");
            Process interrupted = start(sandbox, "--api-key-file", keyFile.toString(), "--enforce");
            Process terminated = start(sandbox, "--api-key", API_KEY);
            try {
                String base = listening(interrupted);
                HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/p/assets")).header("x-api-key", API_KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("x-partnerapi-verdict")).hasValue("freshness");
                assertThat(sandbox.requests()).as("--enforce forwards nothing refused").isEmpty();

                String other = listening(terminated);
                HttpResponse<String> forwarded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(other + "/api/v1/p/assets")).header("x-api-key", API_KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(forwarded.statusCode()).isEqualTo(200);
                assertThat(forwarded.headers().firstValue("x-partnerapi-verdict")).hasValue("freshness");
                assertThat(forwarded.body()).contains("\"assets\"");
                String journal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(other
                        + "/__proxy/requests")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(journal).contains("\"verdict\":\"freshness\"", "\"upstream_status\":200").doesNotContain(API_KEY);

                new ProcessBuilder("kill", "-INT", Long.toString(interrupted.pid())).start().waitFor();
                terminated.destroy();
                assertThat(interrupted.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(terminated.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(interrupted.exitValue()).isZero();
                assertThat(terminated.exitValue()).isZero();
            } finally {
                interrupted.destroyForcibly();
                terminated.destroyForcibly();
            }
        }
    }

    private Process start(VerifierStub upstream, String... options) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PartnerApiCli.class.getName(), "proxy",
                "--upstream", upstream.rootUri(), "--public-key", TestData.publicKey().toString()));
        command.addAll(java.util.List.of(options));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String listening(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("listening on ")) {
            assertThat(line).doesNotContain(API_KEY);
        }
        assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
        return line.substring("listening on ".length());
    }

    @Test
    void optionErrorsNameTheOptionAndWhatIsExpected() throws Exception {
        String publicKey = TestData.publicKey().toString();
        CliRun both = CliRun.run("proxy", "--upstream", "http://127.0.0.1:1", "--public-key", publicKey,
                "--api-key", API_KEY, "--api-key-file", "apikey");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--api-key or --api-key-file");

        CliRun path = CliRun.run("proxy", "--upstream", "https://sandbox-api.qredo.network/api/v1/p", "--public-key",
                publicKey, "--api-key", API_KEY);
        assertThat(path.exitCode()).isEqualTo(2);
        assertThat(path.err()).contains("--upstream", "give https://sandbox-api.qredo.network");

        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        CliRun ca = CliRun.run("proxy", "--upstream", "https://127.0.0.1:1", "--public-key", publicKey,
                "--api-key", API_KEY, "--upstream-ca", notPem.toString());
        assertThat(ca.exitCode()).isEqualTo(2);
        assertThat(ca.err()).contains("--upstream-ca", notPem.toString(), "BEGIN CERTIFICATE");

        CliRun missing = CliRun.run("proxy", "--public-key", publicKey, "--api-key", API_KEY);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--upstream");
    }
}
