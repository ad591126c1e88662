package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.StringToSign;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the request a case describes: URL, body, and the headers signed (or broken) as it says. */
final class CaseRequest {

    private static final String UNKNOWN_API_KEY = "dW5rbm93bi1rZXktZm9yLWNhdGFsb2d1ZQ==";

    final String method;
    final String url;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] stringToSign = new byte[0];

    private CaseRequest(String method, String url, byte[] body) {
        this.method = method;
        this.url = url;
        this.body = body;
    }

    /** The request; {@code freshness} is the value the case signs with (a nonce is drawn by the caller). */
    static CaseRequest of(CatalogueCase c, CatalogueTarget target, String freshness, RequestSigner signer,
            RequestSigner otherSigner) {
        CaseRequest request = new CaseRequest(c.method(), target.baseUri() + c.uri(), c.body() == null ? new byte[0] : c.body());
        request.apiKeyHeader(c, target.apiKey());
        request.freshnessHeaders(c, freshness);
        String signedUrl = c.signedUri() == null ? request.url : resolve(c.signedUri(), target.baseUri());
        byte[] signedBody = c.signedBody() != null ? c.signedBody() : request.body;
        String signedFreshness = signedFreshness(c, freshness);
        request.stringToSign = StringToSign.of(signedFreshness, signedUrl, signedBody);
        request.signature(c, "other-key".equals(c.setting("signature", "valid")) ? otherSigner : signer, signedFreshness,
                signedUrl, signedBody);
        String contentType = c.setting("content-type", c.body() == null ? "none" : "application/json");
        if (!"none".equals(contentType)) {
            request.headers.put("Content-Type", c.settings().getOrDefault("content-type", "application/json").strip());
        }
        return request;
    }

    /** {@code signed-freshness}: the value signed when it is not the one sent (ms: in milliseconds; +N/-N: off by N). */
    static String signedFreshness(CatalogueCase c, String sent) {
        String spec = c.setting("signed-freshness", "");
        if (spec.isEmpty() || !sent.matches("[0-9]{1,15}")) {
            return sent;
        }
        long value = Long.parseLong(sent);
        return spec.equals("ms") ? Long.toString(value * 1000) : Long.toString(value + Long.parseLong(spec.replace("+", "")));
    }

    /** The freshness value the case signs with, for timestamp cases: now, now±N seconds, or now in ms. */
    static String timestamp(CatalogueCase c, Clock clock) {
        String spec = c.setting("timestamp", "now");
        long now = clock.instant().getEpochSecond();
        if (spec.equals("now-ms")) {
            return Long.toString(clock.millis());
        }
        if (spec.matches("now[+-][0-9]+")) {
            return Long.toString(now + Long.parseLong(spec.substring(3).replace("+", "")));
        }
        if (spec.matches("[0-9]+")) {
            return spec;
        }
        return Long.toString(now);
    }

    private void apiKeyHeader(CatalogueCase c, ApiKey apiKey) {
        switch (c.setting("api-key", "valid")) {
            case "missing" -> { }
            case "unknown" -> headers.put("x-api-key", UNKNOWN_API_KEY);
            default -> headers.put("x-api-key", apiKey.value());
        }
    }

    private void freshnessHeaders(CatalogueCase c, String value) {
        switch (c.setting("freshness", "timestamp")) {
            case "none" -> { }
            case "nonce" -> headers.put("x-nonce", value);
            case "both" -> {
                headers.put("x-timestamp", value);
                headers.put("x-nonce", value);
            }
            default -> headers.put("x-timestamp", value);
        }
    }

    private void signature(CatalogueCase c, RequestSigner signer, String freshness, String url, byte[] body) {
        String xSign = signer.sign(freshness, url, body);
        switch (c.setting("signature", "valid")) {
            case "missing" -> { }
            case "padded" -> headers.put("x-sign", padded(xSign));
            case "standard" -> headers.put("x-sign", standardAlphabet(xSign));
            case "truncated" -> headers.put("x-sign", xSign.substring(0, 300));
            default -> headers.put("x-sign", xSign);
        }
    }

    /**
     * {@code xSign} as a standard base64 encoder writes it. Padded only when it has neither {@code -} nor
     * {@code _} (about one signature in 50,000): the alphabets agree on it, and without {@code =} the case
     * would send a valid signature.
     */
    static String standardAlphabet(String xSign) {
        String standard = xSign.replace('-', '+').replace('_', '/');
        return standard.equals(xSign) ? padded(xSign) : standard;
    }

    /** {@code xSign} with the {@code =} padding a base64 encoder adds. */
    private static String padded(String xSign) {
        return xSign + "=".repeat((4 - xSign.length() % 4) % 4);
    }

    /**
     * A signed-uri: a path below the base, or a full URL with {scheme}, {authority}, {host}, {port} and
     * {base-path}; after {path-only}, a URL signed without scheme and host.
     */
    static String resolve(String signedUri, String baseUri) {
        URI base = URI.create(baseUri);
        String resolved = signedUri.replace("{scheme}", base.getScheme()).replace("{authority}", base.getRawAuthority())
                .replace("{host}", base.getHost()).replace("{port}", Integer.toString(base.getPort()))
                .replace("{base-path}", base.getRawPath() == null ? "" : base.getRawPath())
                .replace("{base}", baseUri);
        if (resolved.startsWith("{path-only}")) {
            return resolved.substring("{path-only}".length());
        }
        return resolved.startsWith("http://") || resolved.startsWith("https://") ? resolved : baseUri + resolved;
    }
}
