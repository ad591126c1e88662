package io.github.partnerapi.harness.signing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was signed and sent for one request: the string-to-sign's parts, the exact body bytes, the
 * {@code x-sign} value and the headers sent, with the API key masked.
 *
 * <pre>{@code
 * SignedRequest signed = filter.lastSignedRequest();
 * assertThat(signed.url()).endsWith("/company/search?query=cme");
 * System.out.println(signed.stringToSignVisible());
 * }</pre>
 *
 * @param method the HTTP method
 * @param url the full URL as sent (and, unless deliberately tampered with, as signed)
 * @param freshnessHeader {@code x-timestamp} or {@code x-nonce}
 * @param freshness its value
 * @param body the body bytes as sent (empty when there is none)
 * @param signedUrl the URL that was signed
 * @param signedBody the body bytes that were signed
 * @param xSign the signature sent
 * @param headers the request headers sent, API key masked
 */
public record SignedRequest(String method, String url, String freshnessHeader, String freshness, byte[] body,
        String signedUrl, byte[] signedBody, String xSign, Map<String, String> headers) {

    public SignedRequest {
        body = body == null ? new byte[0] : body.clone();
        signedBody = signedBody == null ? new byte[0] : signedBody.clone();
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The exact bytes that were signed: {@code freshness + signedUrl + signedBody}. */
    public byte[] stringToSign() {
        return StringToSign.of(freshness, signedUrl, signedBody);
    }

    /** The string-to-sign with tabs, CR, LF, BOM and non-ASCII made visible. */
    public String stringToSignVisible() {
        return VisibleBytes.of(stringToSign());
    }

    /** Whether what was signed is what was sent (false only for deliberate negative tests). */
    public boolean signedAsSent() {
        return url.equals(signedUrl) && Arrays.equals(body, signedBody);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] signedBody() {
        return signedBody.clone();
    }

    @Override
    public String toString() {
        return method + " " + url + " " + freshnessHeader + "=" + freshness + " headers=" + headers
                + " stringToSign=" + stringToSignVisible();
    }
}
