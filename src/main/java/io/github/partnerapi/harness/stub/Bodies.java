package io.github.partnerapi.harness.stub;

import com.sun.net.httpserver.HttpExchange;
import io.github.partnerapi.harness.signing.Decimals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reading bodies within the limit, and the content-type rule for JSON bodies. */
final class Bodies {

    private static final int JOURNAL_BODY_LIMIT = 64 * 1024;

    private Bodies() {
    }

    /** The body, or null when it is over {@code limit} bytes (by Content-Length or by counting). */
    static byte[] read(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (Decimals.isLong(declared) && Long.parseLong(declared) > limit) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    return null;
                }
            }
        }
        return out.toByteArray();
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

    /** The body for the journal: text, cut at 64 KiB. */
    static String forJournal(byte[] body) {
        int n = Math.min(body.length, JOURNAL_BODY_LIMIT);
        String text = new String(body, 0, n, StandardCharsets.UTF_8);
        return body.length > n ? text + "… (" + body.length + " bytes)" : text;
    }
}
