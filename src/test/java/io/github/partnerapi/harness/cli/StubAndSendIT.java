package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stub} as a real process with zero set-up, and {@code send} against it. */
class StubAndSendIT {

    @TempDir
    Path dir;

    @Test
    void stubGeneratesCredentialsServesSignedRequestsAndStopsCleanlyOnSigterm() throws Exception {
        Path creds = dir.resolve("stub creds");
        Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PartnerApiCli.class.getName(),
                "stub", "--credentials-dir", creds.toString()).redirectError(dir.resolve("stub.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("listening on ")) {
                lines.add(line);
            }
            assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+/api/v1/p");
            assertThat(String.join("\n", lines)).contains(creds.toString(), " sign --key ");
            assertThat(lines.get(lines.size() - 1)).startsWith("mode: strict: API key, x-timestamp or x-nonce, and x-sign");
            String base = line.substring("listening on ".length()).replace("/api/v1/p", "");
            String printedSend = lines.get(lines.indexOf("or send one with:") + 1).strip();
            assertThat(PrintedCommands.argumentsOf(printedSend, "java")).containsExactly("-jar",
                    "target/partnerapi-harness.jar", "sign", "--key", creds.resolve("private.pem").toString(),
                    "--api-key-file", creds.resolve("apikey").toString(), "--format", "curl", "--url",
                    base + "/api/v1/p/company/search?query=acme");

            Path requests = dir.resolve("requests");
            Files.createDirectories(requests.resolve("create"));
            Files.writeString(requests.resolve("create/uri"), "POST https://api.qredo.network/api/v1/p/company\n");
            Files.writeString(requests.resolve("create/body"), "{\r\n\t\"name\": \"ACME Corp\"\r\n}\r\n");
            Files.createDirectories(requests.resolve("search"));
            Files.writeString(requests.resolve("search/uri"), "GET https://api.qredo.network/api/v1/p/company/search?query=acme");

            String[] credentials = {"--requests-dir", requests.toString(), "--base-url", base,
                "--key", creds.resolve("private.pem").toString(), "--api-key-file", creds.resolve("apikey").toString()};
            CliRun create = CliRun.run(concat(new String[] {"send", "create"}, credentials));
            assertThat(create.exitCode()).as(create.out() + create.err()).isZero();
            assertThat(create.out()).startsWith("POST " + base + "/api/v1/p/company\n").contains("\n---\nHTTP/1.1 200 OK\n",
                    "company_id");
            String apiKey = Files.readString(creds.resolve("apikey")).strip();
            assertThat(create.out()).contains("x-api-key: " + apiKey.substring(0, 4) + "… (" + apiKey.length() + " chars)")
                    .doesNotContain(apiKey);

            CliRun search = CliRun.run(concat(new String[] {"send", "search"}, credentials));
            assertThat(search.out()).contains("\"total_count\":1");

            CliRun stale = CliRun.run(concat(new String[] {"send", "search", "--timestamp", "1634226826"}, credentials));
            assertThat(stale.exitCode()).isEqualTo(1);
            assertThat(stale.out()).contains("HTTP/1.1 401 Unauthorized", "\"reason\":\"timestamp\"");
        } finally {
            stub.destroy();
        }
        assertThat(stub.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stub.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stub.err"))).contains("stopped");
    }

    @Test
    void sendExplainsBadRequestFolders() throws Exception {
        CliRun missing = CliRun.run("send", "nope", "--requests-dir", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope/uri", "no such file");

        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/uri"), "fetch the thing\n");
        CliRun bad = CliRun.run("send", "bad", "--requests-dir", dir.toString());
        assertThat(bad.err()).contains("bad/uri", "METHOD URL");

        Files.createDirectories(dir.resolve("nobody"));
        Files.writeString(dir.resolve("nobody/uri"), "POST http://127.0.0.1:9/api/v1/p/company\n");
        CliRun nobody = CliRun.run("send", "nobody", "--requests-dir", dir.toString());
        assertThat(nobody.err()).contains("nobody/body", "no such file");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
