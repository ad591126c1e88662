package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify on the shared vectors, whose signatures OpenSSL made. */
class VerifyCommandTest {

    static final List<Vector> VECTORS = TestData.vectors();

    @TempDir
    Path dir;

    private Vector vector(String name) {
        return VECTORS.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private CliRun verify(Vector signed, byte[] sentBody, String... extra) throws Exception {
        Path body = Files.write(dir.resolve("body"), sentBody);
        String[] base = {"verify", "--public-key", TestData.publicKey().toString(), "--url", signed.url(),
            "--body-file", body.toString(), signed.header().equals("x-nonce") ? "--nonce" : "--timestamp",
            signed.value(), "--signature", signed.xSign()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.run(all);
    }

    @Test
    void everyVectorIsValid() throws Exception {
        for (Vector v : VECTORS) {
            CliRun run = verify(v, v.body());
            assertThat(run.exitCode()).as(v.name()).isZero();
            assertThat(run.out()).isEqualTo("valid\n");
        }
    }

    @Test
    void compactSignatureWithPrettyBodyIsExplained() throws Exception {
        CliRun run = verify(vector("post-company-compact"), vector("post-company-pretty").body());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("body-compacted").contains("Sign the exact bytes you send", "first difference at byte");
    }

    @Test
    void jsonOutput() throws Exception {
        CliRun run = verify(vector("post-company-pretty"), vector("post-company-tabs").body(), "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("valid").asBoolean()).isFalse();
        assertThat(json.path("cause").asText()).isEqualTo("body-reindented");
        assertThat(run.exitCode()).isEqualTo(1);

        CliRun valid = verify(vector("post-company-tabs"), vector("post-company-tabs").body(), "--json");
        assertThat(new ObjectMapper().readTree(valid.out()).path("cause").asText()).isEqualTo("valid");
    }

    @Test
    void usageErrors() throws Exception {
        Vector v = vector("get-company-search-timestamp");
        assertThat(CliRun.run("verify", "--public-key", TestData.publicKey().toString(), "--url", v.url(),
                "--signature", v.xSign()).exitCode()).isEqualTo(2);
    }
}
