package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.ApiKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;

/**
 * What the proxy does with a request it has read whole, however it was read: authentication exactly as the
 * strict stub does (its {@link Authenticator}, over the target's bytes as received), the journal entry, and
 * the answer: the stub's 401 when enforcing and refused, else the upstream's, relayed with the verdict header.
 */
final class ProxyGate {

    private final Authenticator authenticator;
    private final SignatureExplainer explainer;
    private final Upstream upstream;
    private final ProxyJournal journal;
    private final boolean enforce;
    private final String signedBaseUrl;

    /** {@code authenticator} explains nothing: the {@code explainer} diagnoses signatures that do not verify. */
    ProxyGate(Authenticator authenticator, SignatureExplainer explainer, Upstream upstream, ProxyJournal journal,
            VerifyingProxyBuilder config) {
        this.authenticator = authenticator;
        this.explainer = explainer;
        this.upstream = upstream;
        this.journal = journal;
        this.enforce = config.enforce;
        this.signedBaseUrl = config.signedBaseUrl;
    }

    ProxyJournal journal() {
        return journal;
    }

    /**
     * Answers the request through {@code reply}; {@code done} completes once the answer is written. A signature
     * that does not verify is diagnosed on {@code slow}, and the request answered from there.
     */
    void handle(StubHandler.Received received, Body body, ProxyReply reply, Callback done, Executor slow) {
        byte[] urlBytes = received.urlBytes(signedBaseUrl);
        String url = new String(urlBytes, StandardCharsets.UTF_8);
        if (body.problem() != null) {
            record(received, url, "rejected", null, reasonOf(body.problem()), null, body.problem().status(), null);
            reply.answer(body.problem(), null, done);
            return;
        }
        Authenticator.Received verified = new Authenticator.Received(received.headers()::get, url, urlBytes,
                body.bytes());
        AuthResult auth = authenticator.authenticate(verified);
        if (!"signature".equals(auth.reason())) {
            decide(new Forwarded(received, url, body.bytes(), ProxyVerdict.of(auth)), reply, done);
            return;
        }
        slow.execute(() -> {
            try {
                decide(new Forwarded(received, url, body.bytes(), ProxyVerdict.of(auth.withExplain(
                        explain(verified)))), reply, done);
            } catch (RuntimeException e) {
                reply.answer(unexpected(e), null, done);
            }
        });
    }

    /** The doctor's finding on a signature that did not verify (over whichever freshness header was sent). */
    private Map<String, Object> explain(Authenticator.Received request) {
        String apiKey = request.header().apply("x-api-key");
        String timestamp = request.header().apply("x-timestamp");
        return timestamp != null
                ? explainer.explain(apiKey, "x-timestamp", timestamp, request)
                : explainer.explain(apiKey, "x-nonce", request.header().apply("x-nonce"), request);
    }

    /** The stub's 401 when enforcing and refused, else forwarded. */
    private void decide(Forwarded sent, ProxyReply reply, Callback done) {
        if (enforce && !sent.verdict().valid()) {
            record(sent.received(), sent.url(), sent.verdict(), null, 401, null);
            reply.answer(new StubResponse(401, sent.verdict().unauthorizedBody()), sent.verdict().headerValue(), done);
            return;
        }
        forward(reply, done, sent);
    }

    /** What is forwarded: the request as received, the URL verified, the body bytes and the verdict. */
    private record Forwarded(StubHandler.Received received, String url, byte[] body, ProxyVerdict verdict) {
    }

    private void forward(ProxyReply reply, Callback done, Forwarded sent) {
        HttpFields headers = sent.received().headers();
        boolean hasBody = headers.contains(HttpHeader.CONTENT_LENGTH) || headers.contains(HttpHeader.TRANSFER_ENCODING);
        UpstreamRelay relay = new UpstreamRelay(reply, done, sent.verdict().headerValue(), upstream,
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

    /** The 400 for a failure nobody expected: never a 500, and the reason without Java class names. */
    static StubResponse unexpected(RuntimeException e) {
        return StubResponse.badRequest("the proxy could not process this request ("
                + JsonErrorHandler.reason(400, e.getMessage()) + ")");
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
