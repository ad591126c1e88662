package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.SignatureVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAPkcs1PrivateKeyWithMode600AndAPublicKeyThatVerifiesItsSignatures() throws Exception {
        CliRun run = CliRun.run("keygen", "--out", dir.toString());

        assertThat(run.exitCode()).isZero();
        Path privateKey = dir.resolve("private.pem");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(run.out()).contains("public.pem", "upload").doesNotContain("PRIVATE KEY-----");

        RSAPublicKey publicKey = (RSAPublicKey) PemKeys.readPublicKey(dir.resolve("public.pem"));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        CliRun sign = CliRun.run("sign", "--key", privateKey.toString(), "--url", "https://h/p", "--timestamp", "7");
        String xSign = sign.out().lines().findFirst().orElseThrow().substring("x-sign: ".length());
        assertThat(SignatureVerifier.of(publicKey).verify("7", "https://h/p", new byte[0], xSign).valid()).isTrue();
    }

    @Test
    void aMisspeltRequiredOptionIsNamedWithTheSpellingMeantNotReportedAsMissing() {
        CliRun run = CliRun.run("keygen", "--out-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown options: '--out-dir', '" + dir + "'")
                .contains("Possible solutions: --out").doesNotContain("Missing required option");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesToOverwriteAndRefusesSmallKeys() throws Exception {
        Files.writeString(dir.resolve("private.pem"), "keep me");
        CliRun again = CliRun.run("keygen", "--out", dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists", "--force");
        assertThat(Files.readString(dir.resolve("private.pem"))).isEqualTo("keep me");

        assertThat(CliRun.run("keygen", "--out", dir.resolve("small").toString(), "--bits", "1024").exitCode())
                .isEqualTo(2);
    }
}
