package io.github.partnerapi.harness.restassured;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An OpenAPI 3 description that exchanges are checked against, with Atlassian's
 * swagger-request-validator. Parsed once; thread-safe. Answers may carry properties the description
 * does not list (a provider adding a field breaks no client); everything else it says is enforced.
 *
 * <pre>{@code
 * OpenApiContract contract = OpenApiContract.partnerApi();       // the description the stub serves
 * ContractFilter filter = ContractFilter.of(contract, "/api/v1/p");
 * }</pre>
 */
public final class OpenApiContract {

    /** The classpath resource of the Partner API description, the one the stub serves. */
    public static final String PARTNER_API_RESOURCE = "io/github/partnerapi/harness/stub/openapi.json";

    private static volatile OpenApiContract partnerApi;

    private final String name;
    private final OpenAPI api;
    private final ConcurrentMap<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private OpenApiContract(String name, OpenAPI api) {
        this.name = name;
        this.api = api;
    }

    /** The Partner API description bundled with the harness (parsed on first use, then shared). */
    public static OpenApiContract partnerApi() {
        OpenApiContract contract = partnerApi;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                if (partnerApi == null) {
                    partnerApi = of("classpath:" + PARTNER_API_RESOURCE, partnerApiText());
                }
                contract = partnerApi;
            }
        }
        return contract;
    }

    /** The text of the bundled Partner API description. */
    public static String partnerApiText() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(PARTNER_API_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PARTNER_API_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(PARTNER_API_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A description given as JSON or YAML text; {@code name} appears in error messages. */
    public static OpenApiContract of(String name, String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException(name + " is not an OpenAPI 3 description: "
                    + String.join("; ", result.getMessages() == null ? List.of() : result.getMessages()));
        }
        return new OpenApiContract(name, result.getOpenAPI());
    }

    /** Where the description came from. */
    public String name() {
        return name;
    }

    /**
     * Checks one exchange. {@code basePath} is the path of the target's base URI (e.g.
     * {@code /api/v1/p}), which the description's paths are relative to.
     */
    ContractCheck check(String basePath, Exchange exchange) {
        OpenApiInteractionValidator validator = validators.computeIfAbsent(basePath == null ? "" : basePath,
                p -> OpenApiInteractionValidator.createFor(api).withBasePathOverride(p)
                        .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored()).build());
        String path = shown(basePath, exchange.uri());
        ValidationReport report = validator.validate(request(exchange), response(exchange));
        List<ContractViolation> violations = new ArrayList<>();
        boolean refused = exchange.status() >= 400 && exchange.status() < 500;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String side = message.getKey().startsWith("validation.response") ? "response" : "request";
            if (refused && side.equals("request")) {
                continue;
            }
            violations.add(new ContractViolation(exchange.method(), path, exchange.status(), side, message.getKey(),
                    text(message)));
        }
        violations.sort((a, b) -> a.side().compareTo(b.side()));
        return new ContractCheck(exchange.method(), path, exchange.status(), violations);
    }

    private static String text(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        for (String info : message.getAdditionalInfo()) {
            text.append("; ").append(info);
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append("; ").append(text(nested));
        }
        return text.toString();
    }

    private static String shown(String basePath, URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (basePath != null && !basePath.isEmpty() && path.startsWith(basePath)) {
            path = path.substring(basePath.length());
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Request request(Exchange exchange) {
        URI uri = exchange.uri();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT),
                uri.getRawPath() == null ? "/" : uri.getRawPath());
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.requestBody() != null) {
            builder.withBody(exchange.requestBody());
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    builder.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            decode(eq < 0 ? "" : pair.substring(eq + 1)));
                }
            }
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response response(Exchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** One request and its answer, as sent and received. */
    record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
            Map<String, List<String>> responseHeaders, byte[] responseBody) {
    }

    @Override
    public String toString() {
        return "OpenApiContract[" + name + "]";
    }
}
