package io.github.partnerapi.harness.signing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Partner API string-to-sign: the freshness value, then the full URL, then the body bytes,
 * concatenated with nothing in between and nothing normalised.
 *
 * <p>This is the one definition used by the signer, the verifier stub, the signature doctor and
 * the command line.
 *
 * <pre>{@code
 * byte[] payload = StringToSign.of("1634226826",
 *         "https://api.qredo.network/api/v1/p/company/search?query=cme", new byte[0]);
 * }</pre>
 */
public final class StringToSign {

    private StringToSign() {
    }

    /**
     * Returns {@code freshness + url + body} as bytes. The freshness value and the URL are encoded
     * as UTF-8 (they are ASCII on the wire in all but unusual cases); the body is used as given.
     *
     * @param freshness the exact text of the {@code x-timestamp} or {@code x-nonce} header
     * @param url the full URL exactly as sent, query string included
     * @param body the body bytes exactly as sent; {@code null} means no body
     */
    public static byte[] of(String freshness, String url, byte[] body) {
        byte[] head = prefix(freshness, url);
        byte[] tail = body == null ? new byte[0] : body;
        byte[] payload = new byte[head.length + tail.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(tail, 0, payload, head.length, tail.length);
        return payload;
    }

    /**
     * The part of the string-to-sign before the body: {@code freshness + url} as UTF-8. A
     * streaming signer hashes this, then the body as it is read.
     */
    public static byte[] prefix(String freshness, String url) {
        Objects.requireNonNull(freshness, "freshness value (x-timestamp or x-nonce) is required");
        Objects.requireNonNull(url, "url is required");
        return (freshness + url).getBytes(StandardCharsets.UTF_8);
    }
}
