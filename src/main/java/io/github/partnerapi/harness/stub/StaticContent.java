package io.github.partnerapi.harness.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stub serves without authentication: its OpenAPI description at
 * {@code /api/v1/p/openapi.json}, and Swagger UI at {@code /docs} from the {@code org.webjars:swagger-ui}
 * jar on the class path (no CDN, no network).
 */
final class StaticContent {

    static final String OPENAPI = StubHandler.API_BASE + "/openapi.json";
    static final String DOCS = "/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> TYPES = Map.of("js", "application/javascript", "css", "text/css",
            "png", "image/png", "html", "text/html; charset=utf-8", "json", "application/json");
    /** The Swagger UI files served: a fixed set, so unknown names are a 404 and nothing else is ever loaded. */
    static final Set<String> SWAGGER_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "swagger-ui.js", "index.css", "favicon-16x16.png", "favicon-32x32.png",
            "oauth2-redirect.html", "oauth2-redirect.js");
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    /** Raw bytes with their content type. */
    record Raw(byte[] bytes, String contentType) {
    }

    private StaticContent() {
    }

    /** The content for a path, or empty when the path is not static content. */
    static Optional<StubResponse> find(String path) {
        if (path.equals(OPENAPI)) {
            return resource("openapi.json", "io/github/partnerapi/harness/stub/openapi.json", "json");
        }
        if (path.equals(DOCS) || path.equals(DOCS + "/") || path.equals(DOCS + "/index.html")) {
            return resource("docs.html", "io/github/partnerapi/harness/stub/docs.html", "html");
        }
        if (path.startsWith(DOCS + "/")) {
            String file = path.substring(DOCS.length() + 1);
            if (!SWAGGER_FILES.contains(file)) {
                return Optional.of(StubResponse.notFound("no such file: /docs/" + (file.length() > 100
                        ? file.substring(0, 100) + "…" : file).replaceAll("[^\\x20-\\x7e]", "?")));
            }
            Optional<String> version = swaggerUiVersion();
            if (version.isEmpty()) {
                return Optional.of(StubResponse.notFound("Swagger UI is not on the class path (org.webjars:swagger-ui)"));
            }
            String extension = file.substring(file.lastIndexOf('.') + 1);
            return resource(file, WEBJAR + version.get() + "/" + file, extension)
                    .or(() -> Optional.of(StubResponse.notFound("no such file: " + path)));
        }
        return Optional.empty();
    }

    /** How many files are held in memory (at most the fixed set, the description and the docs page). */
    static int cachedFiles() {
        return CACHE.size();
    }

    /** Whether the path is served without authentication (the OpenAPI description and {@code /docs}). */
    static boolean isStatic(String path) {
        return path.equals(OPENAPI) || path.equals(DOCS) || path.startsWith(DOCS + "/");
    }

    private static Optional<StubResponse> resource(String key, String name, String extension) {
        byte[] bytes = CACHE.computeIfAbsent(key, k -> load(name));
        if (bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new StubResponse(200, new Raw(bytes, TYPES.getOrDefault(extension, "application/octet-stream"))));
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticContent.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static Optional<String> swaggerUiVersion() {
        try (InputStream in = StaticContent.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
