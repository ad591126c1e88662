package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchStubIT {

    private static final Pattern ROW = Pattern.compile("(?m)^(sandbox|strict) +(\\d+) requests in +[\\d.]+ s = +(\\d+) "
            + "req/s, p50 +[\\d.]+ ms, p99 +[\\d.]+ ms, wrong verdicts (\\d+), connection errors (\\d+),");

    @Test
    void loadsBothModesAndReportsThroughputLatencyAndNoWrongVerdicts() {
        CliRun run = CliRun.run("bench-stub", "--seconds", "1", "--warmup", "1", "--connections", "4",
                "--tamper-every", "3");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("4 connections, 1 s per mode after 1 s of warm-up each")
                .containsPattern("strict / sandbox throughput: \\d+\\.\\d\\d");
        Matcher rows = ROW.matcher(run.out());
        int modes = 0;
        while (rows.find()) {
            modes++;
            assertThat(Long.parseLong(rows.group(2))).as(rows.group()).isPositive();
            assertThat(rows.group(4)).as("wrong verdicts: " + rows.group()).isEqualTo("0");
            assertThat(rows.group(5)).as("connection errors: " + rows.group()).isEqualTo("0");
        }
        assertThat(modes).as(run.out()).isEqualTo(2);
    }

    @Test
    void countsTamperedRequestsAcceptedByAStubThatDoesNotCheckSignatures() throws Exception {
        StubCredentials credentials = StubCredentials.generate();
        try (VerifierStub sandbox = VerifierStub.builder().apiKey(credentials.apiKey().value(),
                credentials.keyPair().getPublic()).mode(StubMode.SANDBOX).build()) {
            StubLoad.Result result = StubLoad.run(sandbox, credentials, true, 2, 1, 3);
            assertThat(result.requests()).isPositive();
            assertThat(result.wrongVerdicts()).as("tampered requests answered 200 where strict mode must say 401")
                    .isPositive();
        }
    }

    @Test
    void refusesAWarmUpOutOfRange() {
        CliRun run = CliRun.run("bench-stub", "--warmup", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--warmup 0..600");
    }
}
