package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.restassured.OpenApiContract;
import io.github.partnerapi.harness.testing.FixedAnswerServer;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract command against the embedded stub, a target answering the wrong shape and one that is down. */
class ContractCommandIT {

    private static final Pattern ROW = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) +(/\\S*) +(\\d{3}|-) +(passed|failed|skipped)(: .+)?");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed(?:, (\\d+) skipped)?");

    @TempDir
    Path dir;

    private static List<String> operations() {
        return ApiDescription.operations(OpenApiContract.partnerApiText()).stream().map(ApiOperation::toString).toList();
    }

    private static List<Matcher> rows(CliRun run) {
        return run.out().lines().map(ROW::matcher).filter(Matcher::matches).toList();
    }

    private static long count(List<Matcher> rows, String verdict) {
        return rows.stream().filter(m -> m.group(4).equals(verdict)).count();
    }

    /** Every operation once, and a last line that adds them up. */
    private static List<Matcher> assertRowsAndSummary(CliRun run) {
        List<Matcher> rows = rows(run);
        assertThat(rows.stream().map(m -> m.group(1) + " " + m.group(2)).toList()).as(run.out())
                .containsExactlyInAnyOrderElementsOf(operations());
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("METHOD +path +status +verdict");
        Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertThat(summary.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isEqualTo(count(rows, "passed"));
        assertThat(Long.parseLong(summary.group(2))).isEqualTo(count(rows, "failed"));
        assertThat(summary.group(3) == null ? 0 : Long.parseLong(summary.group(3))).isEqualTo(count(rows, "skipped"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(count(rows, "failed") > 0 ? 1 : 0);
        rows.stream().filter(m -> m.group(4).equals("skipped"))
                .forEach(m -> assertThat(m.group(3)).isEqualTo("-"));
        rows.stream().filter(m -> m.group(4).equals("skipped")).forEach(m -> assertThat(m.group(5)).startsWith(": "));
        return rows;
    }

    @Test
    void drivesEveryOperationOfTheDescriptionAgainstTheEmbeddedStub() {
        CliRun run = CliRun.run("contract");
        List<Matcher> rows = assertRowsAndSummary(run);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(operations().size() + " passed, 0 failed");
        assertThat(run.out()).containsPattern("POST +/company +200 +passed")
                .containsPattern("GET +/company/\\{company_id} +200 +passed")
                .containsPattern("PUT +/company/\\{company_id} +200 +passed");
        // creates before the reads of what they created, and deletes after everything else that ran
        List<String> order = rows.stream().filter(m -> !m.group(4).equals("skipped"))
                .map(m -> m.group(1) + " " + m.group(2)).toList();
        assertThat(order).containsSubsequence("POST /company", "GET /company/{company_id}", "PUT /company/{company_id}");
        int lastNonDelete = 0;
        int firstDelete = order.size();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith("DELETE")) {
                firstDelete = Math.min(firstDelete, i);
            } else {
                lastNonDelete = i;
            }
        }
        assertThat(firstDelete).isGreaterThan(lastNonDelete);
    }

    @Test
    void aTargetAnsweringTheWrongShapeFails() throws Exception {
        Path apiKey = Files.writeString(dir.resolve("apikey"), "YXBpLXRlc3Qta2V5LTEyMzQ=");
        try (FixedAnswerServer wrong = new FixedAnswerServer(200, "[\"not\", \"an\", \"object\"]")) {
            CliRun run = CliRun.run("contract", "--base-uri", wrong.baseUri(), "--api-key-file", apiKey.toString(),
                    "--key", TestData.pkcs1Key().toString());
            List<Matcher> rows = assertRowsAndSummary(run);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).containsPattern("POST +/company +200 +failed: 1 contract violation\\n +response: "
                    + "Instance type \\(array\\) does not match any allowed primitive type \\(allowed: \\[\"object\"]\\)");
            assertThat(count(rows, "passed")).isZero();
            // no company_id came back, so nothing under /company/{company_id} could run
            assertThat(run.out()).containsPattern("GET +/company/\\{company_id} +- +skipped: no company_id known");
        }
    }

    @Test
    void anUnreachableTargetIsOneLineAndExitOne() throws Exception {
        Path apiKey = Files.writeString(dir.resolve("apikey"), "YXBpLXRlc3Qta2V5LTEyMzQ=");
        CliRun run = CliRun.run("contract", "--base-uri", "http://127.0.0.1:1/api/v1/p", "--api-key-file",
                apiKey.toString(), "--key", TestData.pkcs1Key().toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().asString()
                .isEqualTo("error: cannot reach http://127.0.0.1:1/api/v1/p (connection refused); is the server running?");
    }

    @Test
    void aRemoteTargetNeedsItsApiKey() {
        CliRun run = CliRun.run("contract", "--base-uri", "http://127.0.0.1:1/api/v1/p");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--base-uri needs --api-key-file");
    }
}
