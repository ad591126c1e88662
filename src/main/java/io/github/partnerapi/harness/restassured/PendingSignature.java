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
    /** The headers the HTTP client wrote, read only when the record is built; null if the hook did not run. */
    private Supplier<Map<String, String>> wireHeaders;
    /** Whether the hook signed again, after the client wrote the x-sign header it now replaces. */
    private boolean signedOnWire;

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
        this.wireHeaders = wireHeaders;
        this.signedOnWire = !wireUrl.equals(url) || !Arrays.equals(sent, body);
        return signedOnWire ? sign(wireUrl, sent) : null;
    }

    /** The record of this request; the headers are read (and the API key masked) only now. */
    SignedRequest result(Supplier<Map<String, String>> filterHeaders) {
        Map<String, String> headers = new LinkedHashMap<>((wireHeaders != null ? wireHeaders : filterHeaders).get());
        if (signedOnWire) {
            headers.computeIfPresent(X_SIGN, (name, stale) -> xSign);
        }
        headers = ApiKey.maskHeaders(headers);
        return new SignedRequest(method, url, freshnessHeader, freshness, body, tampering.urlToSign(url),
                tampering.bodyToSign(body), xSign, headers);
    }
}
