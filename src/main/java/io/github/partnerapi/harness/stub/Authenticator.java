package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.Decimals;
import io.github.partnerapi.harness.signing.SignatureVerifier;
import io.github.partnerapi.harness.signing.StringToSign;
import io.github.partnerapi.harness.signing.Verification;
import io.github.partnerapi.harness.signing.VisibleBytes;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Authenticates like the Partner API, in a fixed order: API key, freshness header, timestamp or
 * nonce, signature. Thread-safe.
 */
final class Authenticator {

    private final Map<String, SignatureVerifier> keys;
    private final StubMode mode;
    private final Duration window;
    private final Clock clock;
    private final NonceLedger nonces = new NonceLedger();
    private final SignatureExplainer explainer;

    /** {@code explainer} is null unless explain mode is on. */
    Authenticator(Map<String, SignatureVerifier> keys, StubMode mode, Duration window, Clock clock,
            SignatureExplainer explainer) {
        this.keys = Map.copyOf(keys);
        this.mode = mode;
        this.window = window;
        this.clock = clock;
        this.explainer = explainer;
    }

    /** A request as received: header lookup (case-insensitive), the URL to verify, the raw body. */
    record Received(Function<String, String> header, String url, byte[] body) {
    }

    AuthResult authenticate(Received request) {
        String apiKey = request.header().apply("x-api-key");
        if (apiKey == null || apiKey.isEmpty()) {
            return AuthResult.emptyToken();
        }
        SignatureVerifier verifier = keys.get(apiKey);
        if (verifier == null) {
            return AuthResult.reject("apikey");
        }
        if (mode == StubMode.SANDBOX) {
            return AuthResult.accept();
        }
        String timestamp = request.header().apply("x-timestamp");
        String nonce = request.header().apply("x-nonce");
        if ((timestamp == null) == (nonce == null)) {
            return AuthResult.reject("freshness");
        }
        AuthResult freshness = timestamp != null ? checkTimestamp(timestamp) : checkNonce(apiKey, nonce);
        if (freshness != null) {
            return freshness;
        }
        AuthResult signature = timestamp != null
                ? checkSignature(verifier, apiKey, "x-timestamp", timestamp, request)
                : checkSignature(verifier, apiKey, "x-nonce", nonce, request);
        if (signature != null) {
            return signature;
        }
        if (nonce != null && !nonces.accept(apiKey, Long.parseLong(nonce))) {
            return AuthResult.reject("nonce");
        }
        return AuthResult.accept();
    }

    /** Null when {@code x-sign} verifies over the freshness value, URL and body; else the 401 (explained if asked). */
    private AuthResult checkSignature(SignatureVerifier verifier, String apiKey, String header, String value,
            Received request) {
        Verification verification = verifier.verify(value, request.url(), request.body(), request.header().apply("x-sign"));
        if (verification.valid()) {
            return null;
        }
        AuthResult rejected = AuthResult.reject("signature");
        return explainer == null ? rejected : rejected.withExplain(explanation(apiKey, header, value, request,
                StringToSign.of(value, request.url(), request.body()), verification));
    }

    private AuthResult checkTimestamp(String timestamp) {
        if (!Decimals.isLong(timestamp)) {
            return AuthResult.reject("timestamp");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew > window.getSeconds() ? AuthResult.reject("timestamp") : null;
    }

    private AuthResult checkNonce(String apiKey, String nonce) {
        if (!Decimals.isLong(nonce) || !nonces.isFresh(apiKey, Long.parseLong(nonce))) {
            return AuthResult.reject("nonce");
        }
        return null;
    }

    private Map<String, Object> explanation(String apiKey, String header, String freshness, Received request,
            byte[] payload, Verification verification) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verification", verification.message());
        details.put("url", request.url());
        details.put("string_to_sign", VisibleBytes.of(payload));
        details.put("string_to_sign_base64", Base64.getEncoder().encodeToString(payload));
        details.put("body_length", request.body().length);
        details.putAll(explainer.explain(apiKey, header, freshness, request));
        return details;
    }
}
