package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.ApiKey;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Every request: protocol checks, size limits, the journal, authentication, then the in-memory API. Never a 500. */
final class StubHandler extends Handler.Abstract {

    static final String API_BASE = "/api/v1/p";
    static final String JOURNAL = "/__stub/requests";

    private final Authenticator authenticator;
    private final PartnerApiRoutes routes;
    private final RequestJournal journal;
    private final BodyReader bodies;
    private final String signedBaseUrl;

    StubHandler(Authenticator authenticator, PartnerApiRoutes routes, RequestJournal journal, BodyReader bodies,
            String signedBaseUrl) {
        this.authenticator = authenticator;
        this.routes = routes;
        this.journal = journal;
        this.bodies = bodies;
        this.signedBaseUrl = signedBaseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            Received received = Received.of(request);
            StubResponse early = early(request, received);
            if (early != null) {
                JettyServer.send(response, callback, early);
            } else {
                bodies.read(request, received.declaredLength(), body -> {
                    JettyServer.send(response, callback, safely(() -> api(received, body)));
                });
            }
        } catch (RuntimeException e) {
            JettyServer.send(response, callback, unexpected(e));
        }
        return true;
    }

    /** The answer for anything that is not an API request with a body to read, or null. */
    private StubResponse early(Request request, Received received) {
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1
                && !request.getHeaders().contains(HttpHeader.HOST)) {
            return StubResponse.badRequest("an HTTP/1.1 request needs a Host header");
        }
        StubResponse tooMany = JettyServer.headerProblem(request);
        String path = received.path();
        boolean api = path.equals(API_BASE) || path.startsWith(API_BASE + "/");
        if (tooMany != null || received.method().equals("HEAD")) {
            StubResponse answer = tooMany != null ? tooMany : StubResponse.methodNotAllowed("HEAD", path);
            return api && !StaticContent.isStatic(path) ? record(received, Body.EMPTY, answer, "rejected") : answer;
        }
        if (path.equals(JOURNAL)) {
            return journalResponse(received.method());
        }
        Optional<StubResponse> content = StaticContent.find(path);
        if (content.isPresent()) {
            return received.method().equals("GET") ? content.get()
                    : StubResponse.methodNotAllowed(received.method(), path);
        }
        if (!api) {
            return StubResponse.notFound("no such path: " + printable(path)
                    + " (the API is under " + API_BASE + ")");
        }
        return null;
    }

    /** A request under the API base, its body read: authentication, then the route; every one journaled. */
    private StubResponse api(Received received, Body body) {
        if (body.problem() != null) {
            return record(received, body, body.problem(), "rejected");
        }
        byte[] urlBytes = received.urlBytes(signedBaseUrl);
        String url = new String(urlBytes, StandardCharsets.UTF_8);
        AuthResult auth = authenticator.authenticate(new Authenticator.Received(received.headers()::get, url,
                urlBytes, body.bytes()));
        if (!auth.accepted()) {
            return record(received, url, body, new StubResponse(401, auth.body()), "rejected", auth.reason(),
                    auth.sequence());
        }
        StubResponse response = routes.handle(received.method(), received.path().substring(API_BASE.length()),
                received.rawQuery(), received.headers()::get, body.bytes());
        return record(received, url, body, response, "accepted", reasonOf(response), auth.sequence());
    }

    private StubResponse record(Received received, Body body, StubResponse response, String verdict) {
        return record(received, url(received), body, response, verdict, reasonOf(response), journal.nextSequence());
    }

    private StubResponse record(Received received, String url, Body body, StubResponse response, String verdict,
            String reason, long sequence) {
        journal.add(sequence, new JournalEntry(received.method(), url, maskedHeaders(received.headers()),
                RequestJournal.bodyText(body.bytes()), body.length(), response.status(), verdict, reason));
        return response;
    }

    private static String reasonOf(StubResponse response) {
        Object detail = response.body() instanceof Map ? ((Map<?, ?>) response.body()).get("detail") : null;
        Object reason = detail instanceof Map ? ((Map<?, ?>) detail).get("reason") : null;
        return reason == null ? null : reason.toString();
    }

    /** The URL as text, for the journal and explanations (bytes that are not UTF-8 shown as U+FFFD). */
    private String url(Received received) {
        return new String(received.urlBytes(signedBaseUrl), StandardCharsets.UTF_8);
    }

    private StubResponse journalResponse(String method) {
        if (!method.equals("GET")) {
            return StubResponse.methodNotAllowed(method, JOURNAL);
        }
        List<JournalEntry> entries = journal.entries();
        return StubResponse.ok(Map.of("count", entries.size(), "requests", entries));
    }

    private static Map<String, String> maskedHeaders(HttpFields headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (HttpField field : headers) {
            joined.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        return ApiKey.maskHeaders(joined);
    }

    private static String printable(String path) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return shown.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? shown : shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static StubResponse safely(java.util.function.Supplier<StubResponse> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    private static StubResponse unexpected(RuntimeException e) {
        return StubResponse.badRequest("the stub could not process this request ("
                + JsonErrorHandler.reason(400, e.getMessage()) + ")");
    }

    /** The parts of a request read before its body: method, the target's bytes as received, headers. */
    record Received(String method, byte[] target, String path, String rawQuery, String host, HttpFields headers,
            long declaredLength) {

        static Received of(Request request) {
            byte[] target = RawRequestLine.target(request);
            if (target == null || target.length == 0) {
                target = request.getHttpURI().getPathQuery().getBytes(StandardCharsets.UTF_8);
            }
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (host == null) {
                host = Request.getLocalAddr(request) + ":" + Request.getLocalPort(request);
            }
            return of(request.getMethod(), target, host, request.getHeaders(), request.getLength());
        }

        /** A request read by other means than Jetty's {@link Request}: {@code target} as received. */
        static Received of(String method, byte[] target, String host, HttpFields headers, long declaredLength) {
            String text = new String(target, StandardCharsets.UTF_8);
            int q = text.indexOf('?');
            return new Received(method, target, q < 0 ? text : text.substring(0, q), q < 0 ? "" : text.substring(q + 1),
                    host, headers, declaredLength);
        }

        /**
         * The URL whose bytes the signature must cover: scheme and host ({@code http://} + Host, or the signed
         * base URL when given), then the target exactly as received.
         */
        byte[] urlBytes(String signedBaseUrl) {
            String base = signedBaseUrl != null ? signedBaseUrl : "http://" + host;
            byte[] head = base.getBytes(StandardCharsets.UTF_8);
            byte[] url = new byte[head.length + target.length];
            System.arraycopy(head, 0, url, 0, head.length);
            System.arraycopy(target, 0, url, head.length, target.length);
            return url;
        }
    }
}
