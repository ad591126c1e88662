package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads RSA keys from PEM: private keys as PKCS#1 ({@code RSA PRIVATE KEY}), PKCS#8
 * ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}) and legacy encrypted
 * PKCS#1 ({@code Proc-Type: 4,ENCRYPTED}) and unencrypted OpenSSH ({@code OPENSSH PRIVATE KEY});
 * public keys as {@code PUBLIC KEY}, {@code RSA PUBLIC KEY}, an X.509 {@code CERTIFICATE} or an
 * OpenSSH {@code ssh-rsa} line.
 *
 * <pre>{@code
 * PrivateKey key = PemKeys.readPrivateKey(Path.of("private.pem"), null);
 * PrivateKey encrypted = PemKeys.readPrivateKey(Path.of("enc.pem"), "secret".toCharArray());
 * PublicKey pub = PemKeys.readPublicKey(Path.of("public.pem"));
 * }</pre>
 *
 * <p>Every failure is a {@link KeyLoadException} naming the file and what was expected.
 */
public final class PemKeys {

    private PemKeys() {
    }

    /** Reads a private RSA key; {@code password} may be null for an unencrypted key. */
    public static PrivateKey readPrivateKey(Path file, char[] password) {
        return readPrivateKey(read(file), file.toString(), password);
    }

    /** Reads a private RSA key from PEM text; {@code source} names it in error messages. */
    public static PrivateKey readPrivateKey(String text, String source, char[] password) {
        String pem = normalised(text);
        PrivateKey key;
        if (OpenSshKeys.isPrivateKey(pem)) {
            key = OpenSshKeys.privateKey(pem, source);
        } else if (OpenSshKeys.isPublicKey(pem)) {
            throw new KeyLoadException(source + ": an OpenSSH public key (ssh-…); expected a private key");
        } else {
            key = PemObjects.privateKey(parse(pem, source), source, password);
        }
        RsaKeys.requireUsableRsa(key, source);
        return key;
    }

    /** Reads a public RSA key from a {@code PUBLIC KEY}, {@code RSA PUBLIC KEY} or certificate PEM. */
    public static PublicKey readPublicKey(Path file) {
        return readPublicKey(read(file), file.toString());
    }

    /** Reads a public RSA key from PEM text; {@code source} names it in error messages. */
    public static PublicKey readPublicKey(String text, String source) {
        String pem = normalised(text);
        PublicKey key;
        if (OpenSshKeys.isPublicKey(pem)) {
            key = OpenSshKeys.publicKey(pem, source);
        } else if (OpenSshKeys.isPrivateKey(pem)) {
            throw new KeyLoadException(source + ": expected a public key (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE "
                    + "or ssh-rsa), found an OpenSSH private key");
        } else {
            key = PemObjects.publicKey(parse(pem, source), source);
        }
        RsaKeys.requireUsableRsa(key, source);
        return key;
    }

    /**
     * Without a UTF-8 byte order mark (Windows editors write one) and with each line trimmed (a key
     * pasted from YAML or a wiki comes indented); PEM's base64 and header lines carry no meaningful
     * surrounding whitespace.
     */
    private static String normalised(String text) {
        String pem = text;
        for (String bom : new String[] {"\uFEFF", "\u00EF\u00BB\u00BF"}) {
            if (pem.startsWith(bom)) {
                pem = pem.substring(bom.length());
            }
        }
        StringBuilder out = new StringBuilder(pem.length());
        pem.lines().forEach(line -> out.append(line.strip()).append('\n'));
        return out.toString();
    }

    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyLoadException(file + ": no such file; expected a PEM key file");
        } catch (IOException e) {
            throw new KeyLoadException(file + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length == 0) {
            throw new KeyLoadException(file + ": the file is empty; expected a PEM key (-----BEGIN ...-----)");
        }
        if ((bytes[0] & 0xff) == 0x30) {
            throw new KeyLoadException(file + ": this looks like a DER (binary) key; expected PEM text. "
                    + "Convert it with: openssl rsa -inform DER -in " + file + " -out key.pem");
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Object parse(String pem, String source) {
        if (pem.isBlank()) {
            throw new KeyLoadException(source + ": the key is empty; expected a PEM key (-----BEGIN ...-----)");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            while (object instanceof ASN1ObjectIdentifier) {
                object = parser.readObject(); // EC PARAMETERS in front of an EC key: report the key itself
            }
            if (object == null) {
                throw new KeyLoadException(source + ": no PEM block found; expected a PEM key "
                        + "that starts with a -----BEGIN ... KEY----- line");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyLoadException) {
                throw (KeyLoadException) e;
            }
            throw new KeyLoadException(source + ": not a readable PEM key (the PEM block is malformed or "
                    + "of an unknown type); expected RSA PRIVATE KEY, PRIVATE KEY, ENCRYPTED PRIVATE KEY, "
                    + "OPENSSH PRIVATE KEY, PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE or an ssh-rsa line");
        }
    }

    static String describe(Object object) {
        if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo
                || object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "a private key";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        return "a PEM object of another kind";
    }
}
