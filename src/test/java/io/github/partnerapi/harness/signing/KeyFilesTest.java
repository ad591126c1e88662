package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class KeyFilesTest {

    @Test
    void thePublicHalfOfAPrivateKeyIsTheOneInThePublicPem() throws Exception {
        PrivateKey privateKey = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
        PublicKey derived = KeyFiles.publicKeyOf(privateKey).orElseThrow();

        assertThat(derived.getEncoded()).isEqualTo(PemKeys.readPublicKey(TestData.publicKey()).getEncoded());
        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initSign(privateKey);
        jca.update("payload".getBytes(StandardCharsets.UTF_8));
        byte[] signature = jca.sign();
        jca.initVerify(derived);
        jca.update("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(jca.verify(signature)).isTrue();
    }

    @Test
    void aPrivateKeyWithoutItsPublicExponentHasNoPublicHalf() throws Exception {
        var crt = (java.security.interfaces.RSAPrivateCrtKey) PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
        PrivateKey bare = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        assertThat(KeyFiles.publicKeyOf(bare)).isEmpty();
    }
}
