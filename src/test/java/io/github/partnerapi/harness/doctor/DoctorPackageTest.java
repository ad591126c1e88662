package io.github.partnerapi.harness.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The doctor and capture parsing are core: usable without REST Assured, JUnit or Allure on the class path. */
class DoctorPackageTest {

    @Test
    void importsNoTestFramework() throws IOException {
        Path sources = TestData.root().resolveSibling("src/main/java/io/github/partnerapi/harness/doctor");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> offending = files.flatMap(DoctorPackageTest::lines)
                    .filter(line -> line.startsWith("import ") && (line.contains("io.restassured") || line.contains("org.junit")
                            || line.contains("io.qameta.allure")))
                    .toList();
            assertThat(offending).isEmpty();
        }
        assertThat(Files.exists(sources.resolve("Captures.java"))).as("the sources were found").isTrue();
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
