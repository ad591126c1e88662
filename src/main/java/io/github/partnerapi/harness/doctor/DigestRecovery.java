package io.github.partnerapi.harness.doctor;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opens an RSASSA-PKCS1-v1_5 signature with the public key and returns the SHA-256 digest inside,
 * so that each hypothesis costs one hash instead of one signature verification.
 */
final class DigestRecovery {

    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private DigestRecovery() {
    }

    /** The signed SHA-256 digest, or empty when this key did not make a SHA-256 PKCS#1 v1.5 signature. */
    static Optional<byte[]> digest(PublicKey key, byte[] signature) {
        if (!(key instanceof RSAPublicKey rsa)) {
            return Optional.empty();
        }
        int k = (rsa.getModulus().bitLength() + 7) / 8;
        BigInteger s = new BigInteger(1, signature);
        if (signature.length != k || s.compareTo(rsa.getModulus()) >= 0) {
            return Optional.empty();
        }
        byte[] em = toFixedLength(s.modPow(rsa.getPublicExponent(), rsa.getModulus()).toByteArray(), k);
        int digestInfoStart = k - SHA256_DIGEST_INFO.length - 32;
        if (em[0] != 0 || em[1] != 1 || em[digestInfoStart - 1] != 0) {
            return Optional.empty();
        }
        for (int i = 2; i < digestInfoStart - 1; i++) {
            if (em[i] != (byte) 0xff) {
                return Optional.empty();
            }
        }
        if (!Arrays.equals(em, digestInfoStart, digestInfoStart + SHA256_DIGEST_INFO.length,
                SHA256_DIGEST_INFO, 0, SHA256_DIGEST_INFO.length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(em, k - 32, k));
    }

    private static byte[] toFixedLength(byte[] bytes, int length) {
        if (bytes.length == length) {
            return bytes;
        }
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
