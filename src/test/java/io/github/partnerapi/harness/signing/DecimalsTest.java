package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "1700000000", "007", "999999999999999999"})
    void oneToEighteenAsciiDigitsAreLongs(String text) {
        assertThat(Decimals.isLong(text)).isTrue();
        assertThat(Long.parseLong(text)).isNotNegative();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1000000000000000000", "+1", "-1", " 1", "1 ", "1.0", "17e8", "0x1f",
        "\u0661\u0667", "\uff11"})
    void anythingElseIsNot(String text) {
        assertThat(Decimals.isLong(text)).isFalse();
    }
}
