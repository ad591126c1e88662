package io.github.partnerapi.harness.cli;

import static io.github.partnerapi.harness.cli.ReproduceCommandTest.COMPACT;
import static io.github.partnerapi.harness.cli.ReproduceCommandTest.PRETTY;
import static io.github.partnerapi.harness.cli.ReproduceCommandTest.URL;
import static io.github.partnerapi.harness.cli.ReproduceCommandTest.har;
import static io.github.partnerapi.harness.cli.ReproduceCommandTest.harEntry;
import static io.github.partnerapi.harness.cli.ReproduceCommandTest.sign;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug report becomes a regression test: capture -> reproduce --save-case -> check --cases on the stub. */
class ReproduceSaveCaseIT {

    @TempDir
    Path dir;

    private CliRun save(String name, String capture) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".capture"), capture);
        return CliRun.run("reproduce", file.toString(), "--public-key", TestData.publicKey().toString(), "--save-case",
                dir.resolve("cases/" + name).toString());
    }

    @Test
    void savedCasesRunAndPassWithTheCauseFound() throws Exception {
        String search = URL + "/search?query=a%20b";
        List<String[]> captures = List.of(
                new String[] {"pretty-sent", "body-compacted", har(List.of(
                    harEntry("GET", URL, "1700000000", sign("1700000000", URL, ""), null),
                    harEntry("POST", URL, "1700000000", sign("1700000000", URL, COMPACT), PRETTY)))},
                new String[] {"query-plus", "url-encoding", "curl '" + URL + "/search?query=a+b' -H 'x-timestamp: 1700000000' "
                    + "-H 'x-sign: " + sign("1700000000", search, "") + "'"},
                new String[] {"ms-signed", "freshness-value", "curl '" + URL + "' -H 'x-timestamp: 1700000000' -H 'x-sign: "
                    + sign("1700000000000", URL, "") + "'"},
                new String[] {"path-only", "url-path", "GET /api/v1/p/company HTTP/1.1\nHost: api.qredo.network\n"
                    + "x-timestamp: 1700000000\nx-sign: " + sign("1700000000", "/api/v1/p/company", "") + "\n\n"},
                new String[] {"padded", "signature-encoding", "curl '" + URL + "' -H 'x-timestamp: 1' -H 'x-sign: "
                    + sign("1", URL, "") + "=='"});
        for (String[] c : captures) {
            CliRun run = save(c[0], c[2]);
            assertThat(run.exitCode()).as(c[0] + run.err()).isEqualTo(1);
            assertThat(run.err()).as(c[0]).contains("wrote ", "expect.cause=" + c[1]);
            String properties = Files.readString(dir.resolve("cases/" + c[0] + "/case.properties"));
            assertThat(properties).contains("expect.status=401", "expect.reason=signature", "expect.cause=" + c[1],
                    "description=Reproduced from " + dir.resolve(c[0] + ".capture"));
        }
        assertThat(Files.readString(dir.resolve("cases/pretty-sent/uri"))).isEqualTo("POST /company\n");
        assertThat(Files.readString(dir.resolve("cases/pretty-sent/body"))).isEqualTo(PRETTY);
        assertThat(Files.readString(dir.resolve("cases/pretty-sent/signed-body"))).isEqualTo(COMPACT);
        assertThat(Files.readString(dir.resolve("cases/query-plus/signed-uri"))).isEqualTo("/company/search?query=a%20b\n");

        CliRun check = CliRun.run("check", "--cases", dir.resolve("cases").toString());
        assertThat(check.out()).as(check.err()).containsPattern("pretty-sent +401 signature +401 signature +passed")
                .containsPattern("query-plus +401 signature +401 signature +passed")
                .containsPattern("ms-signed +401 signature +401 signature +passed")
                .containsPattern("path-only +401 signature +401 signature +passed")
                .containsPattern("padded +401 signature +401 signature +passed");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void nothingIsWrittenWhenEveryRequestVerifiesOrTheFolderHoldsACase() throws Exception {
        CliRun valid = save("valid", "curl '" + URL + "' -H 'x-timestamp: 1' -H 'x-sign: " + sign("1", URL, "") + "'");
        assertThat(valid.exitCode()).isZero();
        assertThat(valid.err()).contains("every request verifies: no case written");
        assertThat(dir.resolve("cases/valid")).doesNotExist();

        String bad = "curl '" + URL + "' -H 'x-timestamp: 1' -H 'x-sign: " + sign("2", URL, "") + "'";
        assertThat(save("twice", bad).exitCode()).isEqualTo(1);
        CliRun again = save("twice", bad);
        assertThat(again.err()).contains("a case is already there");
        assertThat(Files.readAllBytes(dir.resolve("cases/twice/uri"))).isEqualTo("GET /company\n".getBytes(UTF_8));
    }
}
