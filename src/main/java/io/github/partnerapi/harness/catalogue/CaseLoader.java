package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.doctor.Cause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads a catalogue: every sub-folder of a folder that holds a {@code uri} file is a case.
 *
 * <pre>{@code
 * List<CatalogueCase> mine = CaseLoader.load(Path.of("testdata/cases"));
 * List<CatalogueCase> bundled = CaseLoader.bundled();   // the catalogue shipped in the jar
 * }</pre>
 */
public final class CaseLoader {

    private static final List<String> KEYS = List.of("description", "mode", "freshness", "timestamp", "nonce",
            "api-key", "signature", "signed-freshness", "content-type", "expect.status", "expect.reason", "expect.cause");
    /** Per setting: the values accepted (a regex over the lower-cased value) and how to say so. */
    private static final Map<String, String[]> VALUES = Map.of(
            "mode", new String[] {"strict|sandbox|any", "strict, sandbox or any"},
            "freshness", new String[] {"timestamp|nonce|both|none", "timestamp, nonce, both or none"},
            "timestamp", new String[] {"now|now-ms|now[+-][0-9]+|[0-9]+", "now, now-ms, now-N, now+N (seconds) or Unix seconds"},
            "nonce", new String[] {"next|reuse|decrease", "next, reuse or decrease"},
            "api-key", new String[] {"valid|missing|unknown", "valid, missing or unknown"},
            "signature", new String[] {"valid|padded|standard|truncated|other-key|missing",
                "valid, padded, standard, truncated, other-key or missing"},
            "signed-freshness", new String[] {"ms|[+-][0-9]{1,9}", "ms (signed in milliseconds) or +N/-N (signed N off)"},
            "content-type", new String[] {".*\\S.*", "a media type such as application/json, or none"});

    /** Where the build copies {@code testdata/cases} inside the jar. */
    static final String BUNDLED = "partnerapi-cases";

    private CaseLoader() {
    }

    /** The cases below {@code dir}, sorted by name. Malformed cases are errors naming file and field. */
    public static List<CatalogueCase> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogueException(dir + ": no such folder; expected a folder of case folders (each with a uri file)");
        }
        List<CatalogueCase> cases = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path folder : children.sorted().toList()) {
                if (Files.isRegularFile(folder.resolve("uri"))) {
                    cases.add(read(folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the case folders", e);
        }
        if (cases.isEmpty()) {
            throw new CatalogueException(dir + ": no cases found; each case is a folder with a uri file");
        }
        return cases;
    }

    /** The catalogue bundled in the jar (or on the class path). */
    public static List<CatalogueCase> bundled() {
        URL url = CaseLoader.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new CatalogueException("no bundled catalogue on the class path (" + BUNDLED + "); pass --cases DIR");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return load(Path.of(uri));
            }
            try (FileSystem jar = jarFileSystem(uri)) {
                return load(jar.provider().getPath(uri));
            }
        } catch (URISyntaxException | IOException e) {
            throw new CatalogueException("cannot read the bundled catalogue: " + e.getMessage());
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            FileSystems.getFileSystem(uri).close();
        } catch (FileSystemNotFoundException | UnsupportedOperationException e) {
            // not open yet
        }
        return FileSystems.newFileSystem(uri, Map.of());
    }

    static CatalogueCase read(Path folder) {
        String name = folder.getFileName().toString().replaceAll("/$", "");
        String[] sent = requestLine(folder.resolve("uri"), true);
        Properties descriptor = descriptor(folder.resolve("case.properties"));
        Map<String, String> settings = new LinkedHashMap<>();
        descriptor.stringPropertyNames().forEach(k -> settings.put(k, descriptor.getProperty(k)));
        String status = settings.remove("expect.status");
        if (status == null || !status.strip().matches("[1-5][0-9][0-9]")) {
            throw new CatalogueException(folder.resolve("case.properties") + ": expect.status must be an HTTP status "
                    + "such as 200 or 401, got " + (status == null ? "nothing" : "'" + status + "'"));
        }
        requireKnownKeys(folder.resolve("case.properties"), settings);
        String reason = settings.remove("expect.reason");
        String description = settings.remove("description");
        String[] signed = Files.exists(folder.resolve("signed-uri")) ? requestLine(folder.resolve("signed-uri"), false) : null;
        return new CatalogueCase(name, description == null ? name : description.strip(), sent[0], sent[1],
                bytes(folder.resolve("body")), signed == null ? null : signed[1], bytes(folder.resolve("signed-body")),
                Map.copyOf(settings), Integer.parseInt(status.strip()), reason == null ? null : reason.strip());
    }

    private static void requireKnownKeys(Path file, Map<String, String> settings) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!KEYS.contains(key)) {
                throw new CatalogueException(file + ": unknown key '" + key + "'; expected one of " + String.join(", ", KEYS));
            }
            String[] allowed = VALUES.get(key);
            String value = setting.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            if (allowed != null && !value.matches(allowed[0])) {
                throw new CatalogueException(file + ": " + key + " '" + setting.getValue().strip() + "' is not valid; expected "
                        + allowed[1]);
            }
        }
        String cause = settings.get("expect.cause");
        if (cause != null) {
            try {
                Cause.ofCode(cause.strip());
            } catch (IllegalArgumentException e) {
                throw new CatalogueException(file + ": expect.cause '" + cause.strip() + "' is not a signature doctor "
                        + "cause; expected a code such as body-compacted, url-query or wrong-key (see the README)");
            }
        }
    }

    /** {@code METHOD /path?query}; the method may be left out of signed-uri. */
    private static String[] requestLine(Path file, boolean methodRequired) {
        String line = new String(bytes(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        String[] parts = line.split("\\s+", 2);
        if (parts.length == 2 && parts[0].matches("[A-Z]+")) {
            return parts;
        }
        if (!methodRequired && !line.isEmpty()) {
            return new String[] {null, line};
        }
        throw new CatalogueException(file + ": expected one line 'METHOD /path?query' (e.g. 'GET /company/search?query=acme'), got '"
                + line + "'");
    }

    private static Properties descriptor(Path file) {
        Properties properties = new Properties();
        if (!Files.exists(file)) {
            throw new CatalogueException(file + ": missing; every case needs case.properties with at least expect.status");
        }
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return properties;
    }

    private static byte[] bytes(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogueException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
