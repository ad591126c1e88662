package io.github.partnerapi.harness.stub;

import com.atlassian.oai.validator.interaction.request.RequestValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiPath;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPath;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.schema.ValidationConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a request's path, query and body against the description with Atlassian's
 * swagger-request-validator; the first violation becomes the 400's reason, naming the field.
 *
 * <p>The stub has routed the request already ({@link OperationRouter}), so the validator is handed
 * that operation instead of searching the description's 52 paths with regular expressions compiled
 * per request; and the body, already parsed strictly and known to be JSON ({@link Bodies}), goes
 * straight to the validator's schema check instead of through its media-type parsing. Those two
 * searches were half of what validation cost. The checks themselves are the library's.
 */
final class RequestCheck {

    private static final int MAX_REASON = 400;
    private static final Pattern LONG_QUOTE = Pattern.compile("\"([^\"]{40})[^\"]{20,}\"");
    private static final Pattern PATH = Pattern.compile("^\\[Path '([^']*)'\\]\\s*");

    /**
     * One described operation, prepared once: its path (and, for a path without parameters, the
     * request's path, which is then always the same), and the operation with and without its body.
     */
    private record Prepared(ApiPath path, NormalisedPath fixed, PathItem.HttpMethod method, Operation whole,
            Operation parametersOnly, Schema<?> body) {
    }

    private final String base;
    private final RequestValidator requests;
    private final SchemaValidator schemas;
    /** By operationId, which every described operation has ({@link ApiDescription.Operation#id()}). */
    private final Map<String, Prepared> operations = new HashMap<>();

    /** {@code api} as the validator's loader parsed it (references resolved); paths below {@code base}. */
    RequestCheck(OpenAPI api, String base, LevelResolver levels) {
        this.base = base;
        MessageResolver messages = new MessageResolver(levels);
        this.schemas = new SchemaValidator(api, messages, SchemaFactory::create, new ValidationConfiguration());
        this.requests = new RequestValidator(schemas, messages, api, List.of());
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(operation.getOperationId(), new Prepared(new ApiPathImpl(template, base),
                        template.contains("{") ? null : new NormalisedPathImpl(base + template, base), method,
                        forRequests(operation, true), forRequests(operation, false), jsonSchema(operation)))));
    }

    /** The reason a request to {@code operation} breaks the description, or empty when it fits. */
    Optional<String> problem(ApiDescription.Operation operation, String fullPath, Map<String, List<String>> query,
            JsonNode body) {
        Prepared prepared = operations.get(operation.id());
        if (prepared == null) {
            throw new IllegalArgumentException("not in the description: " + operation);
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(operation.method(), fullPath);
        query.forEach(request::withQueryParam);
        // with a body, the operation without one: the body is checked below, and none is then "missing"
        NormalisedPath requestPath = prepared.fixed() != null ? prepared.fixed() : new NormalisedPathImpl(fullPath, base);
        ApiOperation target = new ApiOperation(prepared.path(), requestPath, prepared.method(),
                body == null ? prepared.whole() : prepared.parametersOnly());
        ValidationReport report = requests.validateRequest(request.build(), target);
        if (body != null && prepared.body() != null) {
            report = report.merge(schemas.validate(() -> body, prepared.body(), "request.body"));
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .findFirst()
                .map(RequestCheck::reason);
    }

    /**
     * What the validator reads of an operation to check a request: its parameters and (if wanted) its
     * body. Not its security (the authenticator has answered that) nor its responses (read only to
     * check an {@code Accept} header, which the stub does not pass on): both cost work per request.
     */
    private static Operation forRequests(Operation operation, boolean withBody) {
        return new Operation().operationId(operation.getOperationId()).parameters(operation.getParameters())
                .requestBody(withBody ? operation.getRequestBody() : null).responses(new ApiResponses());
    }

    private static Schema<?> jsonSchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    /**
     * The validator's message led by what it is about (a query or path parameter, a body field, the
     * body), long quoted values cut: a 9 MB name is not echoed back.
     */
    static String reason(ValidationReport.Message message) {
        String text = message.getMessage().replace('\n', ' ');
        Optional<Parameter> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
        Matcher path = PATH.matcher(text);
        if (parameter.isPresent()) {
            text = parameter.get().getIn() + " parameter '" + parameter.get().getName() + "': " + text;
        } else if (path.find()) {
            String field = path.group(1).isEmpty() ? "/" : path.group(1);
            text = "body field '" + field + "': " + text.substring(path.end());
        } else if (message.getKey().startsWith("validation.request.body")) {
            text = "body: " + text;
        }
        text = LONG_QUOTE.matcher(text).replaceAll("\"$1…\"");
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }
}
