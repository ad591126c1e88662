package io.github.partnerapi.harness.signing;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The usual key read by the JDK alone: one unencrypted {@code RSA PRIVATE KEY} (PKCS#1) or
 * {@code PRIVATE KEY} (PKCS#8) block. BouncyCastle is a signed jar the JVM verifies before it loads a
 * class from it, which costs a one-shot command ({@code sign}) more than the signature itself. Anything
 * else, or anything the JDK refuses, is left to BouncyCastle and its precise errors.
 */
final class JdkPrivateKeys {

    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
    /** AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private JdkPrivateKeys() {
    }

    /** The key, or empty when the text is anything but one plain RSA private key block the JDK reads. */
    static Optional<PrivateKey> read(String normalisedPem) {
        String[] lines = normalisedPem.strip().split("\n");
        if (lines.length < 3 || normalisedPem.indexOf("-----BEGIN") != normalisedPem.lastIndexOf("-----BEGIN")) {
            return Optional.empty();
        }
        String label = lines[0].equals(begin(PKCS1)) ? PKCS1 : lines[0].equals(begin(PKCS8)) ? PKCS8 : null;
        if (label == null || !lines[lines.length - 1].equals("-----END " + label + "-----")) {
            return Optional.empty();
        }
        StringBuilder base64 = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            if (lines[i].indexOf(':') >= 0) {
                return Optional.empty(); // Proc-Type / DEK-Info: a legacy encrypted key
            }
            base64.append(lines[i]);
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(label.equals(PKCS1) ? pkcs8(der) : der));
            return "RSA".equals(key.getAlgorithm()) ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { the PKCS#1 key } } (RFC 5208). */
    static byte[] pkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
