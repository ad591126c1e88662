package io.github.partnerapi.harness.stub;

import java.util.Locale;
import java.util.Optional;

/** The content-type rule for JSON bodies. */
final class Bodies {

    private Bodies() {
    }

    /**
     * A 415 when a body comes with a content type other than JSON. A body with no Content-Type at
     * all is read as JSON, as the Partner API does for the public Go client, which sends none.
     */
    static Optional<StubResponse> contentTypeProblem(String method, String contentType, byte[] body) {
        if (body.length == 0 || contentType == null || method.equals("GET") || method.equals("DELETE")) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        if (!type.startsWith("application/json") && !type.matches("application/[a-z0-9.+-]*\\+json.*")) {
            return Optional.of(StubResponse.error(415, "errUnsupportedMediaType",
                    "Content-Type must be application/json (or absent), got '" + contentType + "'"));
        }
        return Optional.empty();
    }
}
