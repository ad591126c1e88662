package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.StringToSign;

/**
 * What went on the wire: the freshness header and its value, the full URL, the body bytes and
 * {@code x-sign}.
 *
 * <pre>{@code
 * SentRequest sent = new SentRequest("x-timestamp", "1634226826",
 *         "https://api.qredo.network/api/v1/p/company", bodyBytes, xSign);
 * }</pre>
 */
public record SentRequest(String freshnessHeader, String freshness, String url, byte[] body, String xSign) {

    public SentRequest {
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] rawBody() {
        return body;
    }

    /** The string-to-sign of what was sent. */
    public byte[] payload() {
        return StringToSign.of(freshness, url, body);
    }
}
