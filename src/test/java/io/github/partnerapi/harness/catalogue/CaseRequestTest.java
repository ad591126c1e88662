package io.github.partnerapi.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CaseRequestTest {

    @Test
    void theStandardAlphabetIsWhatJavasStandardEncoderWritesWithoutItsPadding() {
        byte[] raw = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 1, 2};
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(urlSafe).contains("-", "_");
        assertThat(CaseRequest.standardAlphabet(urlSafe)).isEqualTo(Base64.getEncoder().withoutPadding().encodeToString(raw));
    }

    @Test
    void aSignatureWithNeitherMinusNorUnderscoreIsPaddedSoTheCaseNeverSendsItUnchanged() {
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{1, 2, 3, 4});

        assertThat(plain).doesNotContain("-", "_");
        assertThat(CaseRequest.standardAlphabet(plain)).isEqualTo(Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4}))
                .isNotEqualTo(plain);
    }
}
