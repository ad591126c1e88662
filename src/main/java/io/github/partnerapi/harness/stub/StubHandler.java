package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.partnerapi.harness.signing.ApiKey;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every request: size limits, the journal, authentication, then the in-memory API. Never a 500. */
final class StubHandler implements HttpHandler {

    static final String API_BASE = "/api/v1/p";
    static final String JOURNAL = "/__stub/requests";
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Authenticator authenticator;
    private final PartnerApiRoutes routes;
    private final RequestJournal journal;
    private final long bodyLimit;
    private final String signedBaseUrl;

    StubHandler(Authenticator authenticator, PartnerApiRoutes routes, RequestJournal journal, long bodyLimit,
            String signedBaseUrl) {
        this.authenticator = authenticator;
        this.routes = routes;
        this.journal = journal;
        this.bodyLimit = bodyLimit;
        this.signedBaseUrl = signedBaseUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            StubResponse response;
            try {
                response = dispatch(exchange);
            } catch (IOException e) {
                response = StubResponse.badRequest("could not read the request: " + e.getMessage());
            } catch (RuntimeException e) {
                response = StubResponse.error(400, "errBadRequest",
                        "the stub could not process this request: " + e.getClass().getSimpleName());
            }
            send(exchange, response);
        }
    }

    private StubResponse dispatch(HttpExchange exchange) throws IOException {
        String target = RawTarget.of(exchange);
        String path = RawTarget.path(target);
        if (path.equals(JOURNAL)) {
            return journalResponse(exchange.getRequestMethod());
        }
        Optional<StubResponse> content = StaticContent.find(path);
        if (content.isPresent()) {
            return exchange.getRequestMethod().equals("GET") ? content.get()
                    : StubResponse.methodNotAllowed(exchange.getRequestMethod(), path);
        }
        if (!path.equals(API_BASE) && !path.startsWith(API_BASE + "/")) {
            return StubResponse.notFound("no such path: " + path + " (the API is under " + API_BASE + ")");
        }
        return api(exchange, target, path);
    }

    /** A request under the API base: size limits, authentication, then the route; every one journaled. */
    private StubResponse api(HttpExchange exchange, String target, String path) throws IOException {
        String url = verifiedUrl(exchange, target);
        if (headerBytes(exchange.getRequestHeaders()) > MAX_HEADER_BYTES) {
            return record(exchange, url, new byte[0], StubResponse.error(431, "errHeadersTooLarge",
                    "request headers exceed " + MAX_HEADER_BYTES + " bytes"), "rejected");
        }
        byte[] body = Bodies.read(exchange, bodyLimit);
        if (body == null) {
            return record(exchange, url, new byte[0], StubResponse.error(413, "errPayloadTooLarge",
                    "the body exceeds the limit of " + bodyLimit + " bytes"), "rejected");
        }
        Headers headers = exchange.getRequestHeaders();
        AuthResult auth = authenticator.authenticate(new Authenticator.Received(headers::getFirst, url, body));
        if (!auth.accepted()) {
            return record(exchange, url, body, new StubResponse(401, auth.body()), "rejected", auth.reason());
        }
        StubResponse response = routes.handle(exchange.getRequestMethod(), path.substring(API_BASE.length()),
                Query.of(target), headers::getFirst, body);
        return record(exchange, url, body, response, "accepted");
    }

    private StubResponse record(HttpExchange exchange, String url, byte[] body, StubResponse response, String verdict) {
        Object detail = response.body() instanceof Map ? ((Map<?, ?>) response.body()).get("detail") : null;
        Object reason = detail instanceof Map ? ((Map<?, ?>) detail).get("reason") : null;
        return record(exchange, url, body, response, verdict, reason == null ? null : reason.toString());
    }

    private StubResponse record(HttpExchange exchange, String url, byte[] body, StubResponse response, String verdict,
            String reason) {
        journal.add(new JournalEntry(exchange.getRequestMethod(), url, maskedHeaders(exchange.getRequestHeaders()),
                Bodies.forJournal(body), response.status(), verdict, reason));
        return response;
    }

    private String verifiedUrl(HttpExchange exchange, String target) {
        if (signedBaseUrl != null) {
            return signedBaseUrl + target;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return "http://" + RawTarget.utf8(host) + target;
    }

    private StubResponse journalResponse(String method) {
        if (!method.equals("GET")) {
            return StubResponse.methodNotAllowed(method, JOURNAL);
        }
        List<JournalEntry> entries = journal.entries();
        return StubResponse.ok(Map.of("count", entries.size(), "requests", entries));
    }

    private static Map<String, String> maskedHeaders(Headers headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.forEach((name, values) -> joined.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return ApiKey.maskHeaders(joined);
    }

    private static int headerBytes(Headers headers) {
        int total = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                total += header.getKey().length() + value.length() + 4;
            }
        }
        return total;
    }

    private static void send(HttpExchange exchange, StubResponse response) throws IOException {
        boolean raw = response.body() instanceof StaticContent.Raw;
        byte[] json = raw ? ((StaticContent.Raw) response.body()).bytes() : MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type",
                raw ? ((StaticContent.Raw) response.body()).contentType() : "application/json");
        exchange.sendResponseHeaders(response.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
