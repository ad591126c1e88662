package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {

    static final PrivateKey KEY = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);

    @Test
    void correttoIsChosenAutomaticallyWhenItLoadsAndGivesTheSameSignaturesAsTheJdk() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "the test classpath carries the linux-x86_64 build");
        Provider corretto = CryptoProviders.corretto().orElseThrow();
        assertThat(CryptoProviders.select(null)).isSameAs(corretto);
        assertThat(CryptoProviders.select("jdk")).isNull();
        for (Vector v : TestData.vectors()) {
            assertThat(sign(corretto, v)).as(v.name()).isEqualTo(v.xSign());
            assertThat(sign(null, v)).as(v.name()).isEqualTo(v.xSign());
        }
    }

    @Test
    void unknownChoicesAreClearErrors() {
        assertThatThrownBy(() -> CryptoProviders.select("no-such-provider"))
                .hasMessageContaining("partnerapi.crypto.provider=no-such-provider").hasMessageContaining("jdk, corretto");
        assertThat(CryptoProviders.select("SunRsaSign").getName()).isEqualTo("SunRsaSign");
    }

    private static String sign(Provider provider, Vector v) throws Exception {
        Signature signature = provider == null ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", provider);
        signature.initSign(KEY);
        signature.update(StringToSign.of(v.value(), v.url(), v.body()));
        return XSign.encode(signature.sign());
    }
}
