package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "1700000000", "007", "999999999999999999", "1000000000000000000",
        "1764500000123456789", "9223372036854775807", "0000000000000000001"})
    void upToNineteenAsciiDigitsThatFitALongAreLongs(String text) {
        assertThat(Decimals.isLong(text)).isTrue();
        assertThat(Long.parseLong(text)).isNotNegative();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9223372036854775808", "9999999999999999999", "10000000000000000000",
        "00000000000000000001", "+1", "-1", " 1", "1 ", "1.0", "17e8", "0x1f",
        "\u0661\u0667", "\uff11"})
    void anythingElseIsNot(String text) {
        assertThat(Decimals.isLong(text)).isFalse();
    }
}
