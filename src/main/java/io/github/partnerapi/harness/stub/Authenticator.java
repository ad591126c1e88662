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
import java.util.function.LongSupplier;

/**
 * Authenticates like the Partner API, in a fixed order: API key, freshness header, timestamp or
 * nonce, signature. Thread-safe.
 */
final class Authenticator {

    /** How much of the string-to-sign an explain-mode 401 shows. */
    static final int EXPLAINED_BYTES = 4096;

    private final Map<String, SignatureVerifier> keys;
    private final StubMode mode;
    private final Duration window;
    private final Clock clock;
    private final NonceLedger nonces = new NonceLedger();
    private final SignatureExplainer explainer;
    private final LongSupplier verdicts;

    /** {@code explainer} is null unless explain mode is on; {@code verdicts} numbers each verdict as reached. */
    Authenticator(Map<String, SignatureVerifier> keys, StubMode mode, Duration window, Clock clock,
            SignatureExplainer explainer, LongSupplier verdicts) {
        this.keys = Map.copyOf(keys);
        this.mode = mode;
        this.window = window;
        this.clock = clock;
        this.explainer = explainer;
        this.verdicts = verdicts;
    }

    /**
     * A request as received: header lookup (case-insensitive), the URL as text (for explanations), the URL's
     * bytes as received (what is verified), the raw body.
     */
    record Received(Function<String, String> header, String url, byte[] urlBytes, byte[] body) {
    }

    /** The verdict, numbered at the moment it was reached (for a nonce, while it is being recorded). */
    AuthResult authenticate(Received request) {
        AuthResult result = judge(request);
        return result.sequence() != 0 ? result : result.at(verdicts.getAsLong());
    }

    private AuthResult judge(Received request) {
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
        if (nonce != null) {
            long sequence = nonces.accept(apiKey, Long.parseLong(nonce), verdicts);
            return sequence < 0 ? AuthResult.reject("nonce") : AuthResult.accept().at(sequence);
        }
        return AuthResult.accept();
    }

    /** Null when {@code x-sign} verifies over the freshness value, URL and body; else the 401 (explained if asked). */
    private AuthResult checkSignature(SignatureVerifier verifier, String apiKey, String header, String value,
            Received request) {
        Verification verification = verifier.verify(value, request.urlBytes(), request.body(),
                request.header().apply("x-sign"));
        if (verification.valid()) {
            return null;
        }
        AuthResult rejected = AuthResult.reject("signature");
        return explainer == null ? rejected : rejected.withExplain(explanation(apiKey, header, value, request,
                verification));
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

    /**
     * What was verified, bounded: the string-to-sign's first {@link #EXPLAINED_BYTES} bytes (and its length),
     * so that a 401 for a 10 MiB body stays a few KiB.
     */
    private Map<String, Object> explanation(String apiKey, String header, String freshness, Received request,
            Verification verification) {
        byte[] prefix = StringToSign.prefix(freshness, "");
        byte[] shown = firstBytes(EXPLAINED_BYTES, prefix, request.urlBytes(), request.body());
        long total = (long) prefix.length + request.urlBytes().length + request.body().length;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verification", verification.message());
        details.put("url", request.url());
        details.put("string_to_sign", VisibleBytes.of(shown) + (total > shown.length ? "…" : ""));
        details.put("string_to_sign_base64", Base64.getEncoder().encodeToString(shown));
        details.put("string_to_sign_length", total);
        if (total > shown.length) {
            details.put("string_to_sign_shown", "the first " + shown.length + " bytes");
        }
        details.put("body_length", request.body().length);
        details.putAll(explainer.explain(apiKey, header, freshness, request));
        return details;
    }

    private static byte[] firstBytes(int max, byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, Math.min(part.length, max - out.size()));
        }
        return out.toByteArray();
    }
}
