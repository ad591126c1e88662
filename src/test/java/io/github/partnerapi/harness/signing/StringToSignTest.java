package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringToSignTest {

    @Test
    void concatenatesFreshnessUrlAndBodyWithNothingNormalised() {
        byte[] body = {'{', '\r', '\n', '\t', (byte) 0xef, (byte) 0xbb, (byte) 0xbf, '}'};
        byte[] payload = StringToSign.of("1634226826", "https://h/p?q=a%20b", body);

        byte[] head = "1634226826https://h/p?q=a%20b".getBytes(StandardCharsets.US_ASCII);
        assertThat(payload).startsWith(head).endsWith(body).hasSize(head.length + body.length);
    }

    @Test
    void nullBodyIsEmpty() {
        assertThat(StringToSign.of("1", "u", null)).isEqualTo(new byte[] {'1', 'u'});
    }
}
