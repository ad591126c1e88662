package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.ApiKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request to the proxy: the journal route, else authentication exactly as the strict stub
 * does (its {@link Authenticator}, over the target's bytes as received), the verdict header, and
 * (unless enforcing and refused) forwarding to the upstream.
 */
final class ProxyHandler extends Handler.Abstract {

    static final String JOURNAL = "/__proxy/requests";

    private final Authenticator authenticator;
    private final Upstream upstream;
    private final ProxyJournal journal;
    private final BodyReader bodies;
    private final boolean enforce;
    private final String signedBaseUrl;

    ProxyHandler(Authenticator authenticator, Upstream upstream, ProxyJournal journal, VerifyingProxyBuilder config) {
        this.authenticator = authenticator;
        this.upstream = upstream;
        this.journal = journal;
        this.bodies = new BodyReader(config.bodyLimit, BodyReader.DEFAULT_IN_FLIGHT);
        this.enforce = config.enforce;
        this.signedBaseUrl = config.signedBaseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        safely(response, callback, () -> dispatch(request, response, callback));
        return true;
    }

    private void dispatch(Request request, Response response, Callback callback) {
        StubHandler.Received received = StubHandler.Received.of(request);
        StubResponse early = early(request, received);
        if (early != null) {
            JettyServer.send(response, callback, early);
            return;
        }
        long declared = received.declaredLength();
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            afterBody(response, callback, received, Body.EMPTY);
            return;
        }
        // verified and sent on a pool thread, not where the body's last bytes arrived: in one interleaved wrk run
        // this was faster than running in place (0.54x against 0.45x of the stub's requests/s; see BENCHMARKS.md)
        bodies.read(request, declared, body -> request.getContext().execute(
                () -> safely(response, callback, () -> afterBody(response, callback, received, body))));
    }

    /** Never a 500 and never an answer left open: an unexpected failure is a 400 JSON, or a cut connection. */
    private static void safely(Response response, Callback callback, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                JettyServer.send(response, callback, StubResponse.badRequest("the proxy could not process this request ("
                        + JsonErrorHandler.reason(400, e.getMessage()) + ")"));
            }
        }
    }

    /** The journal, or a request the proxy answers itself before reading its body; else null. */
    private StubResponse early(Request request, StubHandler.Received received) {
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1
                && !request.getHeaders().contains(HttpHeader.HOST)) {
            return StubResponse.badRequest("an HTTP/1.1 request needs a Host header");
        }
        StubResponse tooMany = JettyServer.headerProblem(request);
        if (tooMany != null) {
            return tooMany;
        }
        if (received.path().equals(JOURNAL)) {
            return received.method().equals("GET")
                    ? new StubResponse(200, journal.entries().stream().map(ProxyJournalEntry::toJson).toList())
                    : StubResponse.methodNotAllowed(received.method(), JOURNAL);
        }
        return null;
    }

    private void afterBody(Response response, Callback callback, StubHandler.Received received, Body body) {
        byte[] urlBytes = received.urlBytes(signedBaseUrl);
        String url = new String(urlBytes, StandardCharsets.UTF_8);
        if (body.problem() != null) {
            record(received, url, "rejected", null, reasonOf(body.problem()), null, body.problem().status(), null);
            JettyServer.send(response, callback, body.problem());
            return;
        }
        ProxyVerdict verdict = ProxyVerdict.of(authenticator.authenticate(new Authenticator.Received(
                received.headers()::get, url, urlBytes, body.bytes())));
        if (enforce && !verdict.valid()) {
            record(received, url, verdict, null, 401, null);
            response.getHeaders().put(ProxyVerdict.HEADER, verdict.headerValue());
            JettyServer.send(response, callback, new StubResponse(401, verdict.unauthorizedBody()));
            return;
        }
        forward(response, callback, new Forwarded(received, url, body.bytes(), verdict));
    }

    /** What is forwarded: the request as received, the URL verified, the body bytes and the verdict. */
    private record Forwarded(StubHandler.Received received, String url, byte[] body, ProxyVerdict verdict) {
    }

    private void forward(Response response, Callback callback, Forwarded sent) {
        HttpFields headers = sent.received().headers();
        boolean hasBody = headers.contains(HttpHeader.CONTENT_LENGTH) || headers.contains(HttpHeader.TRANSFER_ENCODING);
        UpstreamRelay relay = new UpstreamRelay(response, callback, sent.verdict().headerValue(), upstream,
                new UpstreamRelay.Outcome() {
                    @Override
                    public void relayed(int upstreamStatus) {
                        record(sent.received(), sent.url(), sent.verdict(), upstreamStatus, upstreamStatus, null);
                    }

                    @Override
                    public void failed(String reason) {
                        record(sent.received(), sent.url(), sent.verdict(), null, 502, reason);
                    }
                });
        try {
            upstream.send(new Upstream.Outgoing(sent.received().method(), sent.received().target(), headers,
                    hasBody ? sent.body() : null), relay);
        } catch (Upstream.Failure e) {
            relay.refuse(e.getMessage());
        }
    }

    /** The {@code detail.reason} of one of the stub's error answers. */
    private static String reasonOf(StubResponse problem) {
        Object detail = problem.body() instanceof Map<?, ?> map ? map.get("detail") : null;
        return detail instanceof Map<?, ?> map ? String.valueOf(map.get("reason")) : null;
    }

    private void record(StubHandler.Received received, String url, ProxyVerdict verdict, Integer upstreamStatus,
            int status, String error) {
        record(received, url, verdict.verdict(), verdict.cause(), verdict.explanation(), upstreamStatus, status, error);
    }

    private void record(StubHandler.Received received, String url, String verdict, String cause, String explanation,
            Integer upstreamStatus, int status, String error) {
        String apiKey = received.headers().get("x-api-key");
        journal.add(new ProxyJournalEntry(received.method(), ProxyJournal.cut(url, ProxyJournal.MAX_URL), verdict,
                cause, explanation, upstreamStatus, status, apiKey == null ? null : ApiKey.mask(apiKey), error));
    }
}
