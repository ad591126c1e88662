package io.github.partnerapi.harness.signing;

import java.util.Base64;
import java.util.Optional;

/**
 * The {@code x-sign} encoding: URL-safe base64 (RFC 4648 section 5) without {@code =} padding.
 *
 * <pre>{@code
 * String header = XSign.encode(rawSignature);
 * Optional<byte[]> raw = XSign.decode(header); // empty when padded or in the standard alphabet
 * }</pre>
 */
public final class XSign {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private XSign() {
    }

    /** Encodes raw signature bytes as unpadded base64url. */
    public static String encode(byte[] signature) {
        return ENCODER.encodeToString(signature);
    }

    /**
     * Decodes an {@code x-sign} value strictly: only the URL-safe alphabet, no padding, no
     * whitespace. Returns empty for anything else.
     */
    public static Optional<byte[]> decode(String header) {
        // The URL decoder already refuses '+', '/', whitespace and other characters; only '=' gets through it.
        if (header == null || header.isEmpty() || header.indexOf('=') >= 0 || header.length() % 4 == 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(DECODER.decode(header));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
