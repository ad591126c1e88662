package io.github.partnerapi.harness.restassured;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A REST Assured filter that signs every request for the Partner API: it adds {@code x-api-key},
 * {@code x-timestamp} (or {@code x-nonce}) and {@code x-sign}, signed over the URL and the body
 * bytes exactly as the HTTP client writes them. Immutable and thread-safe.
 *
 * <pre>{@code
 * PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder()
 *         .apiKeyFile(Path.of("apikey"))
 *         .privateKey(Path.of("private.pem"))
 *         .build();
 * given().filter(filter).baseUri(base).body(json).post("/company").then().statusCode(200);
 * SignedRequest signed = filter.lastSignedRequest();   // what this thread last signed and sent
 * }</pre>
 *
 * <p>Negative tests reproduce a 401 on purpose with the copies returned by {@link #signingBody},
 * {@link #signingUrl}, {@link #withFreshness}, {@link #agedBy}, {@link #signedWith} and
 * {@link #withoutHeader}. When several signing filters are on one request, the one registered last
 * signs: {@code given(spec).filter(filter.signingBody("{}"))} overrides the spec's filter.
 */
public final class PartnerApiSigningFilter implements OrderedFilter {

    /** The {@code FilterContext} value under which the {@link SignedRequest} is handed on. */
    public static final String SIGNED_REQUEST = "partnerapi.signedRequest";

    private final ApiKey apiKey;
    private final RequestSigner signer;
    private final boolean nonces;
    private final Tampering tampering;
    private final Consumer<SignedRequest> listener;
    private final ThreadLocal<SignedRequest> lastSigned;

    PartnerApiSigningFilter(ApiKey apiKey, RequestSigner signer, boolean nonces, Tampering tampering,
            Consumer<SignedRequest> listener) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.nonces = nonces;
        this.tampering = tampering;
        this.listener = listener;
        this.lastSigned = new ThreadLocal<>();
    }

    /** A builder; {@code apiKey…} and {@code privateKey…} (or {@code signer}) are required. */
    public static PartnerApiSigningFilterBuilder builder() {
        return new PartnerApiSigningFilterBuilder();
    }

    /** Runs last among default-order filters, so it signs what they changed. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        if (!signsThisRequest(req)) {
            return ctx.next(req, res);
        }
        FormBodies.refuse(req);
        byte[] body = RequestBodies.bytes(req);
        if (body != null) {
            req.body(body);
        }
        if (!nonces) {
            return send(req, res, ctx, timestamp(), "x-timestamp", body);
        }
        try (NonceSequences.Lease lease = NonceSequences.forApiKey(apiKey.value()).lease()) {
            String nonce = tampering.fixedFreshness() != null ? tampering.fixedFreshness() : Long.toString(lease.next());
            return send(req, res, ctx, nonce, "x-nonce", body);
        }
    }

    private Response send(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx,
            String freshness, String freshnessHeader, byte[] body) {
        PendingSignature pending = new PendingSignature(req.getMethod(), freshnessHeader, freshness, signer, tampering);
        String xSign = pending.sign(req.getURI(), body);
        setHeaders(req, "x-api-key", apiKey.value(), freshnessHeader, freshness, PendingSignature.X_SIGN, xSign);
        WireHook.install(req);
        PendingSignature previous = WireHook.swap(pending);
        try {
            Response response = ctx.next(req, res);
            SignedRequest signed = pending.result(() -> headersOf(req));
            ctx.setValue(SIGNED_REQUEST, signed);
            lastSigned.set(signed);
            if (listener != null) {
                listener.accept(signed);
            }
            return response;
        } finally {
            WireHook.restore(previous);
        }
    }

    /**
     * When several signing filters are on one request (a spec's, plus a tampered copy added to the
     * request for a negative test), the one registered last signs and the others step aside.
     */
    private boolean signsThisRequest(FilterableRequestSpecification req) {
        Filter last = null;
        for (Filter filter : req.getDefinedFilters()) {
            if (filter instanceof PartnerApiSigningFilter) {
                last = filter;
            }
        }
        return last == null || last == this;
    }

    private String timestamp() {
        if (tampering.fixedFreshness() != null) {
            return tampering.fixedFreshness();
        }
        long now = signer.clock().instant().getEpochSecond();
        return Long.toString(now - tampering.age().getSeconds());
    }

    /**
     * Replaces the named headers in one assignment: REST Assured's own header calls copy and re-merge
     * every header, in Groovy, once per call.
     */
    private void setHeaders(FilterableRequestSpecification req, String... namesAndValues) {
        List<Header> headers = new ArrayList<>();
        for (Header header : req.getHeaders()) {
            if (!named(header.getName(), namesAndValues)) {
                headers.add(header);
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!tampering.omits(namesAndValues[i])) {
                headers.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
            }
        }
        req.replaceHeaders(new Headers(headers));
    }

    private static boolean named(String name, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> headersOf(FilterableRequestSpecification req) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : req.getHeaders()) {
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    /** What the calling thread last signed and sent through this filter, or null. */
    public SignedRequest lastSignedRequest() {
        return lastSigned.get();
    }

    /** The API key, for display masked ({@code toString}). */
    public ApiKey apiKey() {
        return apiKey;
    }

    /** Whether this filter sends {@code x-nonce} instead of {@code x-timestamp}. */
    public boolean usesNonces() {
        return nonces;
    }

    /** For negative tests: a copy that signs {@code body} but sends the request's own body. */
    public PartnerApiSigningFilter signingBody(byte[] body) {
        return with(tampering.withSignedBody(body));
    }

    /** For negative tests: a copy that signs {@code body} (UTF-8) but sends the request's own body. */
    public PartnerApiSigningFilter signingBody(String body) {
        return signingBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** For negative tests: a copy that signs {@code url} but sends to the request's own URL. */
    public PartnerApiSigningFilter signingUrl(String url) {
        return with(tampering.withSignedUrl(url));
    }

    /** A copy that sends this fixed {@code x-timestamp} or {@code x-nonce} value (e.g. to reuse a nonce). */
    public PartnerApiSigningFilter withFreshness(String value) {
        return with(tampering.withFixedFreshness(value));
    }

    /** For negative tests: a copy whose timestamps are {@code age} in the past (negative: in the future). */
    public PartnerApiSigningFilter agedBy(Duration age) {
        return with(tampering.withAge(age));
    }

    /** For negative tests: a copy that signs with another private key. */
    public PartnerApiSigningFilter signedWith(PrivateKey otherKey) {
        return with(tampering.withSigner(RequestSigner.of(otherKey, signer.clock())));
    }

    /** For negative tests: a copy that leaves out one of its headers ({@code x-sign}, {@code x-api-key}, …). */
    public PartnerApiSigningFilter withoutHeader(String header) {
        return with(tampering.withoutHeader(header));
    }

    private PartnerApiSigningFilter with(Tampering changed) {
        return new PartnerApiSigningFilter(apiKey, signer, nonces, changed, listener);
    }

    @Override
    public String toString() {
        return "PartnerApiSigningFilter[apiKey=" + apiKey.masked() + ", freshness="
                + (nonces ? "x-nonce" : "x-timestamp") + (tampering == Tampering.NONE ? "" : ", tampered") + "]";
    }
}
