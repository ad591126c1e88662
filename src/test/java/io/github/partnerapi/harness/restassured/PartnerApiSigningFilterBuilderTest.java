package io.github.partnerapi.harness.restassured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.partnerapi.harness.signing.KeyLoadException;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.filter.OrderedFilter;
import org.junit.jupiter.api.Test;

class PartnerApiSigningFilterBuilderTest {

    @Test
    void requiresAnApiKeyAndExactlyOneKeySource() {
        assertThatThrownBy(() -> PartnerApiSigningFilter.builder().privateKey(TestData.pkcs1Key()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API key");
        assertThatThrownBy(() -> PartnerApiSigningFilter.builder().apiKey("abcdef").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privateKey(Path)");
    }

    @Test
    void encryptedKeyNeedsItsPassword() {
        assertThatThrownBy(() -> PartnerApiSigningFilter.builder().apiKey("abcdef")
                .privateKey(TestData.file("keys/encrypted-pkcs8.pem")).build())
                .isInstanceOf(KeyLoadException.class).hasMessageContaining("encrypted-pkcs8.pem");
        assertThat(PartnerApiSigningFilter.builder().apiKey("abcdef").privateKey(TestData.file("keys/encrypted-pkcs8.pem"))
                .privateKeyPassword("correct-horse".toCharArray()).build()).isNotNull();
    }

    @Test
    void runsLastAndNeverShowsTheApiKey() {
        PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder().apiKey("c2VjcmV0LWtleS12YWx1ZQ==")
                .privateKey(TestData.pkcs1Key()).nonces().build();
        assertThat(filter.getOrder()).isEqualTo(OrderedFilter.LOWEST_PRECEDENCE);
        assertThat(filter.usesNonces()).isTrue();
        assertThat(filter.toString()).contains("c2Vj… (24 chars)").doesNotContain("c2VjcmV0");
        assertThat(filter.signingBody("{}").toString()).contains("tampered");
    }
}
