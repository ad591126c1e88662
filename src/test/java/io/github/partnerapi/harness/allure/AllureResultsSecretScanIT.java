package io.github.partnerapi.harness.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (its own Failsafe execution): no secret may reach allure-results/ —
 * no PEM private key, no API key in clear (an x-api-key value that is not masked), none of the
 * suite's fixed test API keys.
 */
class AllureResultsSecretScanIT {

    /** A PEM private key's armour; the words alone appear in harmless messages that list key kinds. */
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern CLEAR_API_KEY = Pattern.compile(
            "x-api-key\"?\\s*[:=]\\s*\"?(?!\\S{0,4}… \\()([A-Za-z0-9+/_=-]{8,})");

    @Test
    void noSecretIsWrittenToTheAllureResults() throws IOException {
        Path results = AllureEnvironment.resultsDirectory();
        assertThat(results).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(results)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the suite wrote results to scan").hasSizeGreaterThan(10);
        List<String> fixedKeys = TestData.fixedApiKeys();
        List<String> keyLines = testPrivateKeyLines();
        List<String> leaks = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (PEM_PRIVATE_KEY.matcher(text).find()) {
                leaks.add(file + ": a PEM private key");
            }
            keyLines.stream().filter(text::contains).forEach(k -> leaks.add(file + ": a line of a test private key"));
            Matcher m = CLEAR_API_KEY.matcher(text);
            if (m.find()) {
                leaks.add(file + ": x-api-key in clear (" + m.group(1).substring(0, 4) + "…)");
            }
            fixedKeys.stream().filter(text::contains).forEach(k -> leaks.add(file + ": test API key " + k.substring(0, 4) + "…"));
        }
        assertThat(leaks).isEmpty();
    }

    /** The first base64 line of each test private key: finds key material even without its armour. */
    private static List<String> testPrivateKeyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path key : List.of(TestData.pkcs1Key(), TestData.pkcs8Key(), TestData.file("keys/other-private.pem"))) {
            lines.add(Files.readAllLines(key).get(1));
        }
        return lines;
    }

    @Test
    void theScanFindsALeakWhenThereIsOne() throws IOException {
        assertThat(PEM_PRIVATE_KEY.matcher(Files.readString(TestData.pkcs1Key())).find()).isTrue();
        assertThat(PEM_PRIVATE_KEY.matcher(Files.readString(TestData.pkcs8Key())).find()).isTrue();
        assertThat(PEM_PRIVATE_KEY.matcher("expected RSA PRIVATE KEY, PRIVATE KEY or ENCRYPTED PRIVATE KEY").find())
                .isFalse();
        assertThat(testPrivateKeyLines()).allSatisfy(line -> assertThat(line).hasSize(64));
        assertThat(CLEAR_API_KEY.matcher("x-api-key: c3R1Yi10ZXN0LWFwaS1rZXk=").find()).isTrue();
        assertThat(CLEAR_API_KEY.matcher("{\"x-api-key\":\"c3R1Yi10ZXN0LWFwaS1rZXk=\"}").find()).isTrue();
        assertThat(CLEAR_API_KEY.matcher("x-api-key: c3R1… (24 chars)").find()).isFalse();
        assertThat(CLEAR_API_KEY.matcher("x-api-key=c3R1… (24 chars)").find()).isFalse();
    }
}
