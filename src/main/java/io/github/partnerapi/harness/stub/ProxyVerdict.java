package io.github.partnerapi.harness.stub;

import java.util.Map;

/**
 * The proxy's verdict on one request, from the strict stub's {@link AuthResult}: {@code valid} or
 * the stub's reason, with the signature doctor's cause for {@code signature}.
 */
record ProxyVerdict(AuthResult auth, String cause, String explanation) {

    static final String HEADER = "x-partnerapi-verdict";

    private static final Map<String, String> EXPLANATIONS = Map.of(
            "empty token", "No x-api-key header: the Partner API answers 401 Unauthorized (empty token).",
            "apikey", "x-api-key is not the API key this proxy was given.",
            "freshness", "Send exactly one of x-timestamp and x-nonce.",
            "timestamp", "x-timestamp is not Unix time in seconds within the accepted window of the proxy's clock.",
            "nonce", "x-nonce is not an integer greater than the last one accepted for this API key.");

    static ProxyVerdict of(AuthResult auth) {
        if (auth.accepted()) {
            return new ProxyVerdict(auth, null, null);
        }
        Object cause = auth.explain().get("cause");
        Object explanation = auth.explain().get("explanation");
        return new ProxyVerdict(auth, cause == null ? null : cause.toString(),
                explanation != null ? explanation.toString() : EXPLANATIONS.get(auth.reason()));
    }

    boolean valid() {
        return auth.accepted();
    }

    /** {@code valid}, or the reason, e.g. {@code timestamp} or {@code signature}. */
    String verdict() {
        return valid() ? "valid" : auth.reason();
    }

    /** The header value: the verdict, and for {@code signature} {@code ; cause=} and the doctor's cause. */
    String headerValue() {
        return cause == null ? verdict() : verdict() + "; cause=" + cause;
    }

    /** The strict stub's 401 body, without the explanation (the real API gives none). */
    Map<String, Object> unauthorizedBody() {
        return new AuthResult(false, auth.msg(), auth.reason(), Map.of(), 0).body();
    }
}
