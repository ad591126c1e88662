package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PemKeysTest {

    private static final char[] PASSWORD = "correct-horse".toCharArray();
    private static final RSAPublicKey EXPECTED = (RSAPublicKey) PemKeys.readPublicKey(TestData.publicKey());

    @ParameterizedTest
    @ValueSource(strings = {"vectors/test-private-pkcs1.pem", "vectors/test-private-pkcs8.pem",
        "keys/encrypted-pkcs8.pem", "keys/encrypted-pkcs1.pem", "keys/openssh-private",
        "keys/encrypted-pkcs8-scrypt.pem", "keys/encrypted-pkcs8-3des.pem", "keys/encrypted-pkcs8-camellia.pem"})
    void readsEveryPrivateKeyFormOfTheTestKey(String file) {
        PrivateKey key = PemKeys.readPrivateKey(TestData.file(file), PASSWORD);
        assertThat(((RSAPrivateCrtKey) key).getModulus()).isEqualTo(EXPECTED.getModulus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vectors/test-public.pem", "keys/rsa-public-pkcs1.pem", "keys/certificate.pem",
        "keys/openssh-public.pub"})
    void readsEveryPublicKeyForm(String file) {
        PublicKey key = PemKeys.readPublicKey(TestData.file(file));
        assertThat(((RSAPublicKey) key).getModulus()).isEqualTo(EXPECTED.getModulus());
    }

    @Test
    void readsAKeySavedWithABomCrlfOrIndented(@TempDir Path dir) throws Exception {
        String pem = Files.readString(TestData.pkcs1Key());
        Path bom = Files.write(dir.resolve("bom.pem"), ("\uFEFF" + pem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path crlf = Files.writeString(dir.resolve("crlf.pem"), pem.replace("\n", "\r\n"));
        Path indented = Files.writeString(dir.resolve("indented.pem"), "\n" + pem.indent(4));
        for (Path file : new Path[] {bom, crlf, indented}) {
            PrivateKey key = PemKeys.readPrivateKey(file, null);
            assertThat(((RSAPrivateCrtKey) key).getModulus()).as(file.toString()).isEqualTo(EXPECTED.getModulus());
        }
        Path publicIndented = Files.writeString(dir.resolve("public.pem"), Files.readString(TestData.publicKey()).indent(2));
        assertThat(((RSAPublicKey) PemKeys.readPublicKey(publicIndented)).getModulus()).isEqualTo(EXPECTED.getModulus());
    }

    @Test
    void readsTheKeyOfAFileThatHoldsTheCertificateFirst(@TempDir Path dir) throws Exception {
        Path combined = Files.writeString(dir.resolve("combined.pem"),
                Files.readString(TestData.file("keys/certificate.pem")) + Files.readString(TestData.pkcs1Key()));
        PrivateKey key = PemKeys.readPrivateKey(combined, null);
        assertThat(((RSAPrivateCrtKey) key).getModulus()).isEqualTo(EXPECTED.getModulus());
        assertThat(((RSAPublicKey) PemKeys.readPublicKey(combined)).getModulus()).isEqualTo(EXPECTED.getModulus());
    }

    @Test
    void readsPkcs1UnderAPkcs8LabelAndTheReverse(@TempDir Path dir) throws Exception {
        Path pkcs1AsPkcs8 = Files.writeString(dir.resolve("a.pem"),
                Files.readString(TestData.pkcs1Key()).replace("RSA PRIVATE KEY", "PRIVATE KEY"));
        Path pkcs8AsPkcs1 = Files.writeString(dir.resolve("b.pem"),
                Files.readString(TestData.pkcs8Key()).replace("PRIVATE KEY", "RSA PRIVATE KEY"));
        for (Path file : new Path[] {pkcs1AsPkcs8, pkcs8AsPkcs1}) {
            PrivateKey key = PemKeys.readPrivateKey(file, null);
            assertThat(((RSAPrivateCrtKey) key).getModulus()).as(file.toString()).isEqualTo(EXPECTED.getModulus());
        }
        Path pkcs1PublicAsSpki = Files.writeString(dir.resolve("c.pem"),
                Files.readString(TestData.file("keys/rsa-public-pkcs1.pem")).replace("RSA PUBLIC KEY", "PUBLIC KEY"));
        assertThat(((RSAPublicKey) PemKeys.readPublicKey(pkcs1PublicAsSpki)).getModulus()).isEqualTo(EXPECTED.getModulus());
        assertError(() -> PemKeys.readPublicKey(pkcs1AsPkcs8)).hasMessageContaining("expected a public key");
    }

    @Test
    void pkcs12KeystoreGetsTheCommandThatExtractsTheKey() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/keystore.p12"), PASSWORD))
                .hasMessageContaining("keystore.p12: a PKCS#12 keystore")
                .hasMessageContaining("openssl pkcs12 -in ").hasMessageContaining(" -nocerts -nodes -out private.pem");
    }

    @Test
    void certificateRequestIsNamed() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/certificate-request.pem"), null))
                .hasMessageContaining("certificate-request.pem: expected a private key")
                .hasMessageContaining("found a certificate signing request");
    }

    @Test
    void rsaPssKeyIsRefused() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/rsa-pss-private.pem"), null))
                .hasMessageContaining("rsa-pss-private.pem: expected an RSA key, found a key of algorithm RSASSA-PSS");
    }

    @Test
    void directoryInsteadOfAFile(@TempDir Path dir) {
        assertError(() -> PemKeys.readPrivateKey(dir, null)).hasMessageContaining(dir + ": is a directory");
    }

    @Test
    void missingFile() {
        assertError(() -> PemKeys.readPrivateKey(Path.of("no/such/private.pem"), null))
                .hasMessageContaining("no/such/private.pem").hasMessageContaining("no such file");
    }

    @Test
    void emptyFile() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/empty.pem"), null))
                .hasMessageContaining("empty.pem").hasMessageContaining("empty");
    }

    @Test
    void notPem() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/not-pem.txt"), null))
                .hasMessageContaining("not-pem.txt").hasMessageContaining("no PEM block");
    }

    @Test
    void derInsteadOfPem() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/private.der"), null))
                .hasMessageContaining("private.der").hasMessageContaining("DER");
    }

    @Test
    void publicKeyWherePrivateIsNeeded() {
        assertError(() -> PemKeys.readPrivateKey(TestData.publicKey(), null))
                .hasMessageContaining("test-public.pem").hasMessageContaining("expected a private key")
                .hasMessageContaining("found a public key");
    }

    @Test
    void privateKeyWherePublicIsNeeded() {
        assertError(() -> PemKeys.readPublicKey(TestData.pkcs1Key()))
                .hasMessageContaining("expected a public key").hasMessageContaining("found a private key");
    }

    @Test
    void ecKey() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/ec-private.pem"), null))
                .hasMessageContaining("ec-private.pem").hasMessageContaining("expected an RSA key")
                .hasMessageContaining("EC");
    }

    @Test
    void openSshKeySignsLikeTheVectors() {
        RequestSigner signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.file("keys/openssh-private"), null));
        for (TestData.Vector v : TestData.vectors()) {
            assertThat(signer.sign(v.value(), v.url(), v.body())).as(v.name()).isEqualTo(v.xSign());
        }
    }

    @Test
    void openSshKeyWithAPassphrase() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/openssh-encrypted"), PASSWORD))
                .hasMessageContaining("openssh-encrypted").hasMessageContaining("passphrase")
                .hasMessageContaining("ssh-keygen -p -m PKCS8 -f key.pem");
    }

    @Test
    void openSshKeysThatAreNotRsa() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/openssh-ed25519"), null))
                .hasMessageContaining("openssh-ed25519").hasMessageContaining("expected an RSA key")
                .hasMessageContaining("Ed25519");
        assertError(() -> PemKeys.readPublicKey(TestData.file("keys/openssh-ed25519.pub")))
                .hasMessageContaining("openssh-ed25519.pub").hasMessageContaining("Ed25519");
    }

    @Test
    void openSshPublicAndPrivateMixedUp() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/openssh-public.pub"), null))
                .hasMessageContaining("openssh-public.pub").hasMessageContaining("expected a private key");
        assertError(() -> PemKeys.readPublicKey(TestData.file("keys/openssh-private")))
                .hasMessageContaining("openssh-private").hasMessageContaining("expected a public key");
    }

    @Test
    void openSshKeyCutShort(@TempDir Path dir) throws Exception {
        String text = Files.readString(TestData.file("keys/openssh-private"));
        Path cut = Files.writeString(dir.resolve("cut"), text.substring(0, text.length() / 2));
        assertError(() -> PemKeys.readPrivateKey(cut, null)).hasMessageContaining("cut").hasMessageContaining("OpenSSH");
        Path noHeader = Files.writeString(dir.resolve("noheader"), "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");
        assertError(() -> PemKeys.readPrivateKey(noHeader, null)).hasMessageContaining("openssh-key-v1");
    }

    @Test
    void ecKeyWithItsParametersInFront(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ec.pem"), "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                + "-----END EC PARAMETERS-----\n" + Files.readString(TestData.file("keys/ec-private.pem")));
        assertError(() -> PemKeys.readPrivateKey(file, null)).hasMessageContaining("ec.pem")
                .hasMessageContaining("expected an RSA key, found a key of algorithm EC");
    }

    @Test
    void ed25519Key() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/ed25519-private.pem"), null))
                .hasMessageContaining("ed25519-private.pem").hasMessageContaining("Ed25519");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys/encrypted-pkcs8.pem", "keys/encrypted-pkcs1.pem"})
    void encryptedWithoutPassword(String file) {
        assertError(() -> PemKeys.readPrivateKey(TestData.file(file), null))
                .hasMessageContaining(file).hasMessageContaining("encrypted").hasMessageContaining("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys/encrypted-pkcs8.pem", "keys/encrypted-pkcs1.pem", "keys/encrypted-pkcs8-scrypt.pem",
        "keys/encrypted-pkcs8-3des.pem", "keys/encrypted-pkcs8-camellia.pem"})
    void wrongPassword(String file) {
        assertError(() -> PemKeys.readPrivateKey(TestData.file(file), "wrong".toCharArray()))
                .hasMessageContaining(file).hasMessageContaining("wrong password").hasMessageNotContaining("re-encrypt");
    }

    @Test
    void wrongPasswordNamesTheScheme() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/encrypted-pkcs8-scrypt.pem"), "x".toCharArray()))
                .hasMessageContaining("(PBES2, scrypt, AES-256/CBC): wrong password");
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/encrypted-pkcs8-3des.pem"), "x".toCharArray()))
                .hasMessageContaining("(PBE-SHA1-3DES): wrong password");
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/encrypted-pkcs1.pem"), "x".toCharArray()))
                .hasMessageContaining("(legacy PEM encryption, AES-256-CBC): wrong password");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "keys/encrypted-pkcs8-aria.pem | PBES2, PBKDF2, algorithm 1.2.410.200046.1.1.12 | openssl pkcs8 -topk8",
        "keys/encrypted-pkcs1-seed.pem | legacy PEM encryption, SEED-CBC | openssl pkcs8 -provider legacy -provider default -topk8"})
    void aCipherTheReaderCannotUseIsNamedWithTheCommandThatReEncrypts(String file, String scheme, String command) {
        for (char[] password : new char[][] {PASSWORD, "wrong".toCharArray()}) {
            assertError(() -> PemKeys.readPrivateKey(TestData.file(file), password))
                    .hasMessageContaining(file).hasMessageContaining("encrypted with " + scheme + ", which this reader cannot decrypt")
                    .hasMessageContaining(command + " -v2 aes-256-cbc -in ").hasMessageNotContaining("wrong password");
        }
    }

    @Test
    void keyUnder2048Bits() {
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/rsa-1024-private.pem"), null))
                .hasMessageContaining("rsa-1024-private.pem").hasMessageContaining("1024 bits")
                .hasMessageContaining("2048");
    }

    @Test
    void truncatedPemBlock(@TempDir Path dir) throws Exception {
        String pem = Files.readString(TestData.pkcs1Key());
        Path broken = Files.writeString(dir.resolve("broken.pem"), pem.substring(0, pem.length() / 2));
        assertError(() -> PemKeys.readPrivateKey(broken, null)).hasMessageContaining("broken.pem");
    }

    @Test
    void errorsNeverCarryKeyMaterial() throws Exception {
        String pem = Files.readString(TestData.pkcs1Key());
        String secretLine = pem.lines().skip(3).findFirst().orElseThrow();
        for (String file : new String[] {"vectors/test-private-pkcs1.pem", "keys/encrypted-pkcs8.pem"}) {
            assertError(() -> PemKeys.readPublicKey(TestData.file(file)))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretLine, "MII"));
        }
        assertError(() -> PemKeys.readPrivateKey(TestData.file("keys/encrypted-pkcs1.pem"), "x".toCharArray()))
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("correct-horse"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertError(Runnable action) {
        return assertThatThrownBy(action::run).isInstanceOf(KeyLoadException.class);
    }
}
