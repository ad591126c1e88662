package io.github.partnerapi.harness.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads {@code detail.reason} from a Partner API error body. */
final class Responses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {
    }

    static String reason(String body) {
        try {
            JsonNode reason = MAPPER.readTree(body).path("detail").path("reason");
            return reason.isTextual() ? reason.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
