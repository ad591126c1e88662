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

    private XSign() {
    }

    /** A plain loop, not a regex: the stub checks every x-sign on its hot path. */
    private static boolean urlSafeAlphabet(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
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
        if (header == null || header.isEmpty() || !urlSafeAlphabet(header) || header.length() % 4 == 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(header));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
