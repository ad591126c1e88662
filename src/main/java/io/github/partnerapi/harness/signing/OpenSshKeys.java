package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Keys in OpenSSH's own formats, as {@code ssh-keygen} writes them by default: the private key
 * ({@code BEGIN OPENSSH PRIVATE KEY}, unencrypted) and the one-line public key ({@code ssh-rsa AAAA…}).
 */
final class OpenSshKeys {

    private static final String PRIVATE_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String PRIVATE_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private OpenSshKeys() {
    }

    static boolean isPrivateKey(String text) {
        return text.contains(PRIVATE_BEGIN);
    }

    /** Whether {@code text} is a one-line OpenSSH public key ({@code ssh-rsa AAAA… comment}). */
    static boolean isPublicKey(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("ssh-") || trimmed.startsWith("ecdsa-sha2-");
    }

    static PrivateKey privateKey(String text, String source) {
        byte[] blob = privateBlob(text, source);
        String cipher = cipherName(blob, source);
        if (!"none".equals(cipher)) {
            throw new KeyLoadException(source + ": an OpenSSH private key protected by a passphrase (" + cipher
                    + "), which this reader cannot decrypt; convert a copy to encrypted PKCS#8, which it reads: "
                    + "cp " + source + " key.pem && ssh-keygen -p -m PKCS8 -f key.pem");
        }
        return converted(() -> {
            AsymmetricKeyParameter key = rsa(OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(blob), source);
            return new JcaPEMKeyConverter().getPrivateKey(PrivateKeyInfoFactory.createPrivateKeyInfo(key));
        }, source + ": the OpenSSH private key is malformed; expected an RSA key as ssh-keygen writes it");
    }

    static PublicKey publicKey(String text, String source) {
        String[] fields = text.strip().split("\\s+");
        return converted(() -> {
            byte[] blob = Base64.getDecoder().decode(fields.length > 1 ? fields[1] : "");
            AsymmetricKeyParameter key = rsa(OpenSSHPublicKeyUtil.parsePublicKey(blob), source);
            return new JcaPEMKeyConverter().getPublicKey(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key));
        }, source + ": the OpenSSH public key line is malformed; expected 'ssh-rsa AAAA… comment' as ssh-keygen writes it");
    }

    private interface Conversion<T> {
        T run() throws IOException;
    }

    /** The conversion's result; a KeyLoadException passes through, any other failure becomes {@code failure}. */
    private static <T> T converted(Conversion<T> conversion, String failure) {
        try {
            return conversion.run();
        } catch (KeyLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KeyLoadException(failure);
        }
    }

    private static AsymmetricKeyParameter rsa(AsymmetricKeyParameter key, String source) {
        if (!(key instanceof RSAKeyParameters)) {
            String kind = key.getClass().getSimpleName().replace("PrivateKeyParameters", "")
                    .replace("PublicKeyParameters", "").replace("KeyParameters", "");
            throw new KeyLoadException(source + ": expected an RSA key, found an OpenSSH " + kind
                    + " key; the Partner API signs with RSA (SHA256withRSA) only");
        }
        return key;
    }

    private static byte[] privateBlob(String text, String source) {
        int begin = text.indexOf(PRIVATE_BEGIN) + PRIVATE_BEGIN.length();
        int end = text.indexOf(PRIVATE_END, begin);
        if (end < 0) {
            throw new KeyLoadException(source + ": the OpenSSH private key has no " + PRIVATE_END + " line");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin, end));
        } catch (IllegalArgumentException e) {
            throw new KeyLoadException(source + ": the OpenSSH private key is not valid base64");
        }
    }

    /** The blob starts with the magic, then the cipher's name as an SSH string (uint32 length, bytes). */
    private static String cipherName(byte[] blob, String source) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new BufferUnderflowException();
            }
            int length = in.getInt();
            if (length < 0 || length > 64) {
                throw new BufferUnderflowException();
            }
            byte[] name = new byte[length];
            in.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        } catch (BufferUnderflowException e) {
            throw new KeyLoadException(source + ": the OpenSSH private key is malformed (no openssh-key-v1 header)");
        }
    }
}
