package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that would fill memory or run code: refused with one line naming the file, never a stack trace. */
class CliLimitsTest {

    static final String KEY = TestData.pkcs1Key().toString();

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void keyFilesOverOneMibAreRefusedWithoutBeingReadWhole() {
        CliRun sign = CliRun.run("sign", "--key", "/dev/zero", "--url", "https://h/p", "--timestamp", "1");
        CliRun verify = CliRun.run("verify", "--public-key", "/dev/zero", "--url", "https://h/p", "--timestamp", "1",
                "--signature", "abc");
        CliRun apiKey = CliRun.run("sign", "--key", KEY, "--url", "https://h/p", "--timestamp", "1", "--format", "curl",
                "--api-key-file", "/dev/zero");
        for (CliRun run : new CliRun[] {sign, verify}) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: /dev/zero: the file is over 1 MiB").hasLineCount(1);
        }
        assertThat(apiKey.exitCode()).isZero(); // --format curl reads the API key file in the shell, not here
    }

    @Test
    void verifyRefusesABodyOverSixteenMibWithOneLine() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(BodyInput.MAX_BYTES + 1L); // sparse: no disk used
        }
        CliRun run = CliRun.run("verify", "--public-key", TestData.publicKey().toString(), "--url", "https://h/p",
                "--timestamp", "1", "--signature", "abc", "--body-file", huge.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: " + huge + ": the body is over 16777216 bytes (16 MiB), the most this "
                + "command reads; the Partner API and the stub take 10 MiB\n");
    }

    @Test
    void aDirectoryAsBodyFileIsNamed() {
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", "https://h/p", "--timestamp", "1", "--body-file",
                dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: " + dir + ": is a directory; --body-file expects the file holding "
                + "the body\n");
    }

    @Test
    void curlFormatQuotesTheMethodSoNothingInItRuns() {
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", "https://h/p", "--timestamp", "1", "--format", "curl",
                "--method", "GET $(touch pwned);id", "--api-key-file", "apikey");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("curl -sS -X 'GET $(TOUCH PWNED);ID' 'https://h/p' ");
    }

    @Test
    void curlFormatStreamsALargeBodyFileInsteadOfHoldingIt() throws Exception {
        Path body = dir.resolve("body.json");
        Files.write(body, new byte[3 * 1024 * 1024]);
        CliRun run = CliRun.run("sign", "--key", KEY, "--url", "https://h/p", "--timestamp", "1", "--format", "curl",
                "--body-file", body.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data-binary @'" + body + "'").hasSizeLessThan(2000);
    }
}
