package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.Decimals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request to the proxy: the journal route, else authentication exactly as the strict stub
 * does, the verdict header, and (unless enforcing and refused) forwarding to the upstream.
 */
final class ProxyHandler extends Handler.Abstract {

    static final String JOURNAL = "/__proxy/requests";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Authenticator authenticator;
    private final Upstream upstream;
    private final ProxyJournal journal;
    private final boolean enforce;
    private final String signedBaseUrl;
    private final long bodyLimit;

    ProxyHandler(Authenticator authenticator, Upstream upstream, ProxyJournal journal, VerifyingProxyBuilder config) {
        this.authenticator = authenticator;
        this.upstream = upstream;
        this.journal = journal;
        this.enforce = config.enforce;
        this.signedBaseUrl = config.signedBaseUrl;
        this.bodyLimit = config.bodyLimit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHttpURI().getPathQuery();
        if (target.equals(JOURNAL) || target.startsWith(JOURNAL + "?")) {
            journalResponse(request, response, callback);
            return true;
        }
        String url = verifiedUrl(request, target);
        byte[] body = readBody(request);
        if (body == null) {
            String reason = "the body exceeds the proxy's limit of " + bodyLimit + " bytes";
            record(request, url, "rejected", null, reason, null, 413, null);
            json(response, callback, 413, StubResponse.error(413, "errPayloadTooLarge", reason).body(), null);
            return true;
        }
        HttpFields headers = request.getHeaders();
        ProxyVerdict verdict = ProxyVerdict.of(authenticator.authenticate(new Authenticator.Received(headers::get, url, body)));
        if (enforce && !verdict.valid()) {
            record(request, url, verdict.verdict(), verdict.cause(), verdict.explanation(), null, 401, null);
            json(response, callback, 401, verdict.unauthorizedBody(), verdict);
            return true;
        }
        forward(request, response, callback, new Forwarded(target, url, body, verdict));
        return true;
    }

    /** What is forwarded: the raw target, the URL verified, the body bytes and the verdict. */
    private record Forwarded(String target, String url, byte[] body, ProxyVerdict verdict) {
    }

    private void forward(Request request, Response response, Callback callback, Forwarded sent) throws IOException {
        Upstream.Answer answer;
        try {
            answer = upstream.send(request.getMethod(), sent.target(), headerList(request.getHeaders()), sent.body(),
                    hasBody(request.getHeaders()));
        } catch (Upstream.Failure e) {
            record(request, sent.url(), sent.verdict(), null, 502, e.getMessage());
            json(response, callback, 502, StubResponse.error(502, "errBadGateway", e.getMessage()).body(), sent.verdict());
            return;
        }
        record(request, sent.url(), sent.verdict(), answer.status(), answer.status(), null);
        response.setStatus(answer.status());
        copyHeaders(answer, response.getHeaders());
        response.getHeaders().put(ProxyVerdict.HEADER, sent.verdict().headerValue());
        try (InputStream in = answer.body(); OutputStream out = Content.Sink.asOutputStream(response)) {
            in.transferTo(out);
        } catch (IOException e) {
            // the answer is under way: cutting the connection is the only honest signal left
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static void copyHeaders(Upstream.Answer answer, HttpFields.Mutable out) {
        Set<String> listed = Upstream.connectionTokens(answer.headers().map().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !Upstream.HOP_BY_HOP.contains(lower) && !listed.contains(lower)) {
                values.forEach(value -> out.add(name, value));
            }
        });
    }

    private static List<Map.Entry<String, String>> headerList(HttpFields fields) {
        List<Map.Entry<String, String>> out = new ArrayList<>(fields.size());
        for (HttpField field : fields) {
            out.add(Map.entry(field.getName(), field.getValue() == null ? "" : field.getValue()));
        }
        return out;
    }

    private static boolean hasBody(HttpFields headers) {
        return headers.contains(HttpHeader.CONTENT_LENGTH) || headers.contains(HttpHeader.TRANSFER_ENCODING);
    }

    private String verifiedUrl(Request request, String target) {
        if (signedBaseUrl != null) {
            return signedBaseUrl + target;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null) {
            host = Request.getLocalAddr(request) + ":" + Request.getLocalPort(request);
        }
        return "http://" + host + target;
    }

    /** The body, or null when it is over the limit (by Content-Length or by counting). */
    private byte[] readBody(Request request) throws IOException {
        String declared = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
        if (Decimals.isLong(declared) && Long.parseLong(declared) > bodyLimit) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
            return body.length > bodyLimit ? null : body;
        }
    }

    private void journalResponse(Request request, Response response, Callback callback) throws IOException {
        if (!request.getMethod().equals("GET")) {
            json(response, callback, 405, StubResponse.methodNotAllowed(request.getMethod(), JOURNAL).body(), null);
            return;
        }
        json(response, callback, 200, journal.entries().stream().map(ProxyJournalEntry::toJson).toList(), null);
    }

    private void record(Request request, String url, ProxyVerdict verdict, Integer upstreamStatus, int status,
            String error) {
        record(request, url, verdict.verdict(), verdict.cause(), verdict.explanation(), upstreamStatus, status, error);
    }

    private void record(Request request, String url, String verdict, String cause, String explanation,
            Integer upstreamStatus, int status, String error) {
        String apiKey = request.getHeaders().get("x-api-key");
        journal.add(new ProxyJournalEntry(request.getMethod(), ProxyJournal.cut(url, ProxyJournal.MAX_URL), verdict,
                cause, explanation, upstreamStatus, status, apiKey == null ? null : ApiKey.mask(apiKey), error));
    }

    private static void json(Response response, Callback callback, int status, Object body, ProxyVerdict verdict)
            throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (verdict != null) {
            response.getHeaders().put(ProxyVerdict.HEADER, verdict.headerValue());
        }
        response.write(true, ByteBuffer.wrap(MAPPER.writeValueAsBytes(body)), callback);
    }
}
