package io.github.partnerapi.harness.allure;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Adds entries to {@code environment.properties} in the Allure results folder, so the report names
 * the target the tests ran against.
 *
 * <pre>{@code
 * AllureEnvironment.put(Map.of("partnerapi.target", "stub (strict)"));
 * }</pre>
 */
public final class AllureEnvironment {

    private AllureEnvironment() {
    }

    /** The results folder: {@code allure.results.directory}, else {@code allure-results}. */
    public static Path resultsDirectory() {
        return Path.of(System.getProperty("allure.results.directory", "allure-results"));
    }

    /** Merges the entries into environment.properties; failures to write are ignored (a report is optional). */
    public static synchronized void put(Map<String, String> entries) {
        Path file = resultsDirectory().resolve("environment.properties");
        Properties properties = new Properties();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            }
            properties.putAll(entries);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, null);
            }
        } catch (IOException e) {
            // the report loses its environment panel; the tests themselves are unaffected
        }
    }
}
