package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdkPrivateKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"vectors/test-private-pkcs1.pem", "vectors/test-private-pkcs8.pem"})
    void readsThePlainFormsAsBouncyCastleDoes(String file) throws Exception {
        String pem = KeyText.normalised(Files.readString(TestData.file(file), StandardCharsets.ISO_8859_1));

        PrivateKey jdk = JdkPrivateKeys.read(pem).orElseThrow();

        assertThat(jdk.getEncoded()).isEqualTo(bouncyCastle(pem).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys/encrypted-pkcs8.pem", "keys/encrypted-pkcs1.pem", "keys/openssh-private",
        "vectors/test-public.pem", "keys/certificate.pem", "keys/ec-private.pem", "keys/rsa-pss-private.pem",
        "keys/ed25519-private.pem"})
    void leavesEveryOtherFormToBouncyCastle(String file) throws Exception {
        String pem = KeyText.normalised(Files.readString(TestData.file(file), StandardCharsets.ISO_8859_1));

        assertThat(JdkPrivateKeys.read(pem)).isEmpty();
    }

    @Test
    void leavesAMislabelledOrDamagedKeyToBouncyCastle() throws Exception {
        String pkcs1 = KeyText.normalised(Files.readString(TestData.file("vectors/test-private-pkcs1.pem"),
                StandardCharsets.ISO_8859_1));
        String mislabelled = pkcs1.replace("RSA PRIVATE KEY", "PRIVATE KEY");
        String damaged = pkcs1.replaceFirst("\n[A-Za-z0-9+/]{8}", "\n!!!!!!!!");

        assertThat(JdkPrivateKeys.read(mislabelled)).isEmpty();
        assertThat(JdkPrivateKeys.read(damaged)).isEmpty();
        assertThat(JdkPrivateKeys.read(pkcs1 + pkcs1)).isEmpty();
    }

    private static PrivateKey bouncyCastle(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            PrivateKeyInfo info = object instanceof PEMKeyPair ? ((PEMKeyPair) object).getPrivateKeyInfo()
                    : (PrivateKeyInfo) object;
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
    }
}
