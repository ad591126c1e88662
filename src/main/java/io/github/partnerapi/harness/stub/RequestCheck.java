package io.github.partnerapi.harness.stub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final OpenApiInteractionValidator validator;

    RequestCheck(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The reason a request breaks the description, or empty when it fits. */
    Optional<String> problem(String method, String fullPath, Map<String, List<String>> query, JsonNode body) {
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

    /** The validator's message, the body field first, long quoted values cut (a 9 MB name is not echoed). */
    static String reason(ValidationReport.Message message) {
        String text = message.getMessage().replace('\n', ' ');
        Matcher path = PATH.matcher(text);
        if (path.find()) {
            String field = path.group(1).isEmpty() ? "/" : path.group(1);
            text = "body field '" + field + "': " + text.substring(path.end());
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
