package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisibleBytesTest {

    private static String visible(String text) {
        return VisibleBytes.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whitespaceBecomesAsciiMarkersAndLineFeedsStillBreakTheLine() {
        assertThat(visible("{\r\n\t\"a\": 1}\n")).isEqualTo("{[CR][LF]\n[TAB]\"a\": 1}[LF]\n");
    }

    @Test
    void aByteOrderMarkAndInvisibleCharactersAreNamed() {
        assertThat(visible("\uFEFF{\"a\":\"b\u00a0c\u200bd\"}")).isEqualTo("[BOM]{\"a\":\"b[U+00A0]c[U+200B]d\"}");
    }

    @Test
    void visibleNonAsciiTextStaysAsItIs() {
        assertThat(visible("{\"city\":\"Zürich\"}")).isEqualTo("{\"city\":\"Zürich\"}");
    }

    @Test
    void controlBytesAndBytesThatAreNotUtf8AreHex() {
        assertThat(visible("a\u0000b\u007f")).isEqualTo("a\\x00b\\x7f");
        assertThat(VisibleBytes.of(new byte[] {'c', (byte) 0xe9, '\r', '\n'})).isEqualTo("c\\xe9[CR][LF]\n");
    }

    @Test
    void theOutputOfAsciiInputIsAsciiSoEveryFontRendersIt() {
        assertThat(visible("\t\r\n\u000b\uFEFF x")).matches("\\p{ASCII}*");
    }

    @Test
    void theLegendNamesEveryMarker() {
        assertThat(VisibleBytes.LEGEND).contains(VisibleBytes.TAB, VisibleBytes.CR, VisibleBytes.LF, VisibleBytes.BOM,
                "[U+XXXX]", "\\xHH").matches("\\p{ASCII}*");
    }
}
