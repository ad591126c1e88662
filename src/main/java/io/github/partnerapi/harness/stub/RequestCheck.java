package io.github.partnerapi.harness.stub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a request's path, query and body against the description with Atlassian's
 * swagger-request-validator; the first violation becomes the 400's reason, naming the field.
 */
final class RequestCheck {

    private static final int MAX_REASON = 400;
    private static final Pattern LONG_QUOTE = Pattern.compile("\"([^\"]{40})[^\"]{20,}\"");
    private static final Pattern PATH = Pattern.compile("^\\[Path '([^']*)'\\]\\s*");

    /** Verdicts on requests without a body, by method, path and query: they repeat in a suite and a load test. */
    private static final int MEMO_ENTRIES = 2048;
    private static final int MEMO_KEY_CHARS = 1024;

    private final OpenApiInteractionValidator validator;
    private final Map<String, Optional<String>> memo = new ConcurrentHashMap<>();
    private final boolean memoise;

    RequestCheck(OpenApiInteractionValidator validator, boolean memoise) {
        this.validator = validator;
        this.memoise = memoise;
    }

    /** The reason a request breaks the description, or empty when it fits. */
    Optional<String> problem(String method, String fullPath, Map<String, List<String>> query, JsonNode body) {
        if (body != null || !memoise) {
            return validate(method, fullPath, query, body);
        }
        String key = method + ' ' + fullPath + ' ' + query;
        if (key.length() > MEMO_KEY_CHARS) {
            return validate(method, fullPath, query, null);
        }
        Optional<String> known = memo.get(key);
        if (known == null) {
            known = validate(method, fullPath, query, null);
            if (memo.size() >= MEMO_ENTRIES) {
                memo.clear();
            }
            memo.put(key, known);
        }
        return known;
    }

    private Optional<String> validate(String method, String fullPath, Map<String, List<String>> query, JsonNode body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, fullPath);
        query.forEach(request::withQueryParam);
        if (body != null) {
            request.withContentType("application/json").withBody(new ParsedBody(body));
        }
        ValidationReport report = validator.validateRequest(request.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .findFirst()
                .map(RequestCheck::reason);
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

    /** The body as already parsed, strictly, by {@link JsonBody}: the validator does not parse it again. */
    private record ParsedBody(JsonNode node) implements Body {
        @Override
        public boolean hasBody() {
            return true;
        }

        @Override
        public JsonNode toJsonNode() {
            return node;
        }

        @Override
        public String toString(Charset charset) {
            return node.toString();
        }
    }
}
