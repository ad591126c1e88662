package io.github.partnerapi.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of an OpenAPI description, as the {@code contract} command drives it.
 *
 * @param index its position in the description
 * @param method upper case, e.g. {@code POST}
 * @param template the path as the description writes it, e.g. {@code /company/{company_id}}
 * @param pathParameters the names in the template, in order
 * @param query the required query parameters with the value to send
 * @param body the request body to send (the description's example), or null
 */
record ApiOperation(int index, String method, String template, List<String> pathParameters, Map<String, String> query,
        JsonNode body) {

    /** Creates first, then reads, then updates, then deletes. */
    int phase() {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST" -> 0;
            case "GET", "HEAD" -> 1;
            case "PUT", "PATCH" -> 2;
            case "DELETE" -> 3;
            default -> 1;
        };
    }

    boolean deletes() {
        return phase() == 3;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
