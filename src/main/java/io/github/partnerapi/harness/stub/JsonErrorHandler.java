package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself (malformed request line, headers over the limit, a missing Host, a
 * timeout): {@code {"code":…,"msg":…,"detail":{"reason":…}}} like every other stub answer, for any method,
 * with Java class names taken out of the reason.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final Map<Integer, String> MESSAGES = Map.of(400, "errBadRequest", 404, "errNotFound",
            405, "errMethodNotAllowed", 408, "errRequestTimeout", 411, "errLengthRequired",
            413, "errPayloadTooLarge", 414, "errUriTooLong", 415, "errUnsupportedMediaType",
            431, "errHeadersTooLarge");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\$[A-Za-z0-9_$]+)*:?\\s*");

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        StubResponse answer = answer(code, message);
        response.setStatus(answer.status());
        response.getHeaders().remove(HttpHeader.CACHE_CONTROL);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        byte[] body = JettyServer.json(answer.body());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    // Jetty 12.1 marks this hook for removal, yet still calls it for a bad request line or header, whose answer
    // must be JSON here too (StubAttackIT); move to its successor when upgrading Jetty.
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(JettyServer.json(answer(status, reason).body()));
    }

    /**
     * The stub's error for a status Jetty chose. A protocol error is the client's: Jetty's 505 for an unknown
     * HTTP version (or any other 5xx it would send) becomes a 400 that names the problem.
     */
    static StubResponse answer(int code, String message) {
        int status = code >= 500 ? 400 : code;
        String reason = reason(code, message);
        return StubResponse.error(status, MESSAGES.getOrDefault(status, "errBadRequest"), reason);
    }

    static String reason(int code, String message) {
        String text = message == null ? "" : CLASS_NAME.matcher(message).replaceAll("").strip();
        if (text.isEmpty() || text.equals(HttpStatus.getMessage(code))) {
            text = HttpStatus.getMessage(code);
        }
        if (code == 431) {
            return "the request line and headers exceed " + JettyServer.MAX_HEAD_BYTES + " bytes";
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
