package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * A request routed to a described operation and already validated against it: handlers read
 * path parameters, query and body without checking their shape again.
 */
record ApiCall(String operationId, Map<String, String> path, Map<String, List<String>> query, JsonNode body) {

    /** What an operation answers for a call. */
    @FunctionalInterface
    interface Handler {
        StubResponse handle(ApiCall call);
    }

    String path(String name) {
        return path.get(name);
    }

    /** The first value of a query parameter, or {@code fallback}. */
    String query(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    JsonNode field(String name) {
        return body == null ? MissingNode.getInstance() : body.path(name);
    }

    /** A body field as text; empty when absent or null. */
    String text(String name) {
        JsonNode value = field(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** A body field as a whole number (the description has checked it is one); 0 when absent. */
    long number(String name) {
        return field(name).asLong(0);
    }
}
