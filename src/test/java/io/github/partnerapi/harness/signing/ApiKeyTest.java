package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyTest {

    private static final String KEY = "bXlBcGlLZXlGb3JUZXN0czEyMzQ1Njc4OTA=";

    @Test
    void fileIsTrimmedLikeThePublicClient(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("apikey"), "  " + KEY + "\r\n");
        assertThat(ApiKey.fromFile(file).value()).isEqualTo(KEY);
    }

    @Test
    void showsOnlyFirstFourCharactersAndLength() {
        ApiKey key = ApiKey.of(KEY);
        assertThat(key.masked()).isEqualTo("bXlB… (36 chars)");
        assertThat(key.toString()).isEqualTo(key.masked()).doesNotContain(KEY.substring(4, 10));
    }

    @Test
    void clearErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ApiKey.fromFile(dir.resolve("apikey")))
                .hasMessageContaining("apikey").hasMessageContaining("no such file");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> ApiKey.fromFile(empty)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ApiKey.fromEnvironment("PARTNERAPI_NO_SUCH_VARIABLE_SET"))
                .hasMessageContaining("PARTNERAPI_NO_SUCH_VARIABLE_SET");
    }

    @Test
    void aByteOrderMarkIsDroppedAndWhatCannotGoInAHeaderIsRefusedWithoutShowingTheKey(@TempDir Path dir) throws Exception {
        Path bom = Files.writeString(dir.resolve("bom"), "\uFEFFbXlBcGlLZXk=\r\n");
        assertThat(ApiKey.fromFile(bom).value()).isEqualTo("bXlBcGlLZXk=");
        Path twoLines = Files.writeString(dir.resolve("two-lines"), "bXlBcGlLZXk=\nc2Vjb25kTGluZQ==\n");
        assertThatThrownBy(() -> ApiKey.fromFile(twoLines)).hasMessageContaining("two-lines")
                .hasMessageContaining("more than one line").hasMessageNotContaining("bXlB").hasMessageNotContaining("c2Vj");
        Path accented = Files.writeString(dir.resolve("accented"), "bXlBcGlé\n");
        assertThatThrownBy(() -> ApiKey.fromFile(accented)).hasMessageContaining("accented")
                .hasMessageContaining("position 8 (U+00E9)").hasMessageNotContaining("bXlB");
        assertThatThrownBy(() -> ApiKey.of("abc\u0000def")).hasMessageContaining("position 4 (U+0000)");
    }

    @Test
    void aPastedHeaderNameOrQuotesAreRefusedWithoutShowingTheKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("apikey"), "x-api-key: bXlBcGlLZXk=\n");
        assertThatThrownBy(() -> ApiKey.fromFile(file)).hasMessageContaining(file + ": the API key starts with "
                + "the header name x-api-key").hasMessageNotContaining("bXlB");
        assertThatThrownBy(() -> ApiKey.of("X-API-KEY=bXlBcGlLZXk=")).hasMessageContaining("header name");
        assertThatThrownBy(() -> ApiKey.of("\"bXlBcGlLZXk=\"")).hasMessageContaining("the API key is in quotes (\"…\")")
                .hasMessageNotContaining("bXlB");
        assertThat(ApiKey.of("x-api-keyish=").value()).isEqualTo("x-api-keyish=");
    }
}
