package io.github.partnerapi.harness.restassured;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.SignedRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request's signature, from the filter (which predicts the URL and body) to the HTTP client
 * (which writes them). If the client writes another URL or body than predicted, the signature is
 * made again over what is written, so what is signed is always what is sent.
 */
final class PendingSignature {

    static final String X_SIGN = "x-sign";

    private final String method;
    private final String freshnessHeader;
    private final String freshness;
    private final RequestSigner signer;
    private final Tampering tampering;
    private String url;
    private byte[] body;
    private String xSign;
    private Supplier<Map<String, String>> headersSent;

    PendingSignature(String method, String freshnessHeader, String freshness, RequestSigner signer,
            Tampering tampering) {
        this.method = method;
        this.freshnessHeader = freshnessHeader;
        this.freshness = freshness;
        this.signer = tampering.signer(signer);
        this.tampering = tampering;
    }

    /** Signs the URL and body as the filter predicts they will be sent. */
    String sign(String predictedUrl, byte[] predictedBody) {
        this.url = predictedUrl;
        this.body = predictedBody == null ? new byte[0] : predictedBody;
        this.xSign = signer.sign(freshness, tampering.urlToSign(url), tampering.bodyToSign(body));
        return xSign;
    }

    /**
     * Called with what the HTTP client writes; returns a new {@code x-sign} when that differs from the
     * prediction, or null when the signature already covers it.
     */
    String onWire(String wireUrl, byte[] wireBody, Supplier<Map<String, String>> wireHeaders) {
        byte[] sent = wireBody == null ? new byte[0] : wireBody;
        String replacement = null;
        if (!wireUrl.equals(url) || !Arrays.equals(sent, body)) {
            replacement = sign(wireUrl, sent);
        }
        String signature = replacement;
        this.headersSent = () -> {
            Map<String, String> headers = new LinkedHashMap<>(wireHeaders.get());
            if (signature != null && headers.containsKey(X_SIGN)) {
                headers.put(X_SIGN, signature);
            }
            return headers;
        };
        return replacement;
    }

    /** The record of this request; the headers are read (and the API key masked) only now. */
    SignedRequest result(Supplier<Map<String, String>> filterHeaders) {
        Map<String, String> headers = ApiKey.maskHeaders((headersSent != null ? headersSent : filterHeaders).get());
        return new SignedRequest(method, url, freshnessHeader, freshness, body, tampering.urlToSign(url),
                tampering.bodyToSign(body), xSign, headers);
    }
}
