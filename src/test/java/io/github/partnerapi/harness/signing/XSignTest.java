package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XSignTest {

    @Test
    void encodesUrlSafeWithoutPadding() {
        byte[] raw = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};
        assertThat(XSign.encode(raw)).isEqualTo("-_-_AQ");
        assertThat(XSign.decode("-_-_AQ")).hasValueSatisfying(b -> assertThat(b).isEqualTo(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-_-_AQ==", "+/+/AQ", "+/+/AQ==", "-_-_ AQ", "", "-_-_A", "-_-_AQ\n", "-_-_\tAQ",
        "-_-_AQ\r\n", "-_-_Aé", "-_-_A.", "-_-_A=", "=-_-_A"})
    void rejectsPaddedStandardAlphabetAndMalformed(String header) {
        assertThat(XSign.decode(header)).isEmpty();
    }

    @Test
    void a2048BitSignatureIs342Characters() {
        assertThat(XSign.encode(new byte[256])).hasSize(342)
                .isEqualTo(Base64.getUrlEncoder().encodeToString(new byte[256]).replace("=", ""));
    }
}
