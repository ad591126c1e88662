package io.github.partnerapi.harness.stub;

import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stub's OpenAPI description ({@code openapi.json} beside this class), read once: the single
 * source of the routes the stub serves and of the shapes it validates requests against.
 */
final class ApiDescription {

    static final String RESOURCE = "io/github/partnerapi/harness/stub/openapi.json";
    private static volatile ApiDescription instance;

    /** One operation: its method, path template (below the base) and operationId. */
    record Operation(String method, String template, String id) {
    }

    private final String json;
    private final JsonNode root;
    private final List<Operation> operations;
    private final RequestCheck check;

    private ApiDescription(String json) {
        this.json = json;
        this.root = parse(json);
        this.operations = List.copyOf(operations(root));
        ParseOptions resolved = new ParseOptions();
        resolved.setResolve(true);
        resolved.setResolveFully(true);
        this.check = new RequestCheck(new OpenApiLoader().loadApi(SpecSource.inline(withoutHeaders()), List.of(),
                resolved), StubHandler.API_BASE, levels());
        warmUp();
    }

    /** Validates each operation's example once, so that the first requests a test sends are not the slow ones. */
    private void warmUp() {
        for (Operation operation : operations) {
            check.problem(operation, StubHandler.API_BASE + operation.template(), Map.of(), example(operation));
        }
    }

    /**
     * The example of an operation's request body (its schema's {@code example}, missing when the
     * schema has none), or null when the operation takes no body; a copy, free to change.
     */
    JsonNode example(Operation operation) {
        String ref = root.path("paths").path(operation.template()).path(operation.method().toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText(null);
        return ref == null ? null : root.at(ref.substring(1)).path("example").deepCopy();
    }

    /** The description on the class path, parsed on first use. */
    static ApiDescription get() {
        ApiDescription local = instance;
        if (local == null) {
            synchronized (ApiDescription.class) {
                if (instance == null) {
                    instance = new ApiDescription(read());
                }
                local = instance;
            }
        }
        return local;
    }

    String json() {
        return json;
    }

    List<Operation> operations() {
        return operations;
    }

    /** Which of the validator's findings the stub does not report. */
    static LevelResolver levels() {
        return LevelResolver.create()
                // authentication is the Authenticator's job: it runs first and answers 401 itself
                .withLevel("validation.request.parameter.header.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                // like the API, unknown body fields are ignored (the stub stores only described ones)
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                .build();
    }

    /** The description's request checks, shared: the validator is thread-safe. */
    RequestCheck check() {
        return check;
    }

    /**
     * The description without its header parameters, for the validator: the authenticator has
     * checked x-api-key, x-timestamp, x-nonce and x-sign already, and skipping them saves a tenth
     * of the validation's time.
     */
    String withoutHeaders() {
        JsonNode copy = root.deepCopy();
        for (JsonNode path : copy.path("paths")) {
            for (JsonNode operation : path) {
                if (operation.path("parameters").isArray()) {
                    for (Iterator<JsonNode> it = operation.path("parameters").elements(); it.hasNext(); ) {
                        if (it.next().path("$ref").asText().startsWith("#/components/parameters/x-")) {
                            it.remove();
                        }
                    }
                }
            }
        }
        return copy.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the stub's OpenAPI description is not JSON: " + RESOURCE, e);
        }
    }

    private static String read() {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the stub's OpenAPI description is missing from the class path: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<Operation> operations(JsonNode root) {
        JsonNode paths = root.path("paths");
        List<Operation> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("operationId")) {
                    list.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            op.getValue().get("operationId").asText()));
                }
            }
        }
        return list;
    }
}
