package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
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

    private static final Pattern MISLABEL = Pattern.compile("-----BEGIN ((RSA )?(PRIVATE KEY|PUBLIC KEY))-----");

    private PemKeys() {
    }

    /** Reads a private RSA key; {@code password} may be null for an unencrypted key. */
    public static PrivateKey readPrivateKey(Path file, char[] password) {
        return readPrivateKey(KeyText.read(file), file.toString(), password);
    }

    /** Reads a private RSA key from PEM text; {@code source} names it in error messages. */
    public static PrivateKey readPrivateKey(String text, String source, char[] password) {
        String pem = KeyText.normalised(text);
        PrivateKey key;
        if (OpenSshKeys.isPrivateKey(pem)) {
            key = OpenSshKeys.privateKey(pem, source);
        } else if (OpenSshKeys.isPublicKey(pem)) {
            throw new KeyLoadException(source + ": an OpenSSH public key (ssh-…); expected a private key");
        } else {
            key = JdkPrivateKeys.read(pem).orElseGet(
                    () -> PemObjects.privateKey(parse(pem, source, PemKeys::isPrivateKey), source, password));
        }
        RsaKeys.requireUsableRsa(key, source);
        return key;
    }

    /** Reads a public RSA key from a {@code PUBLIC KEY}, {@code RSA PUBLIC KEY} or certificate PEM. */
    public static PublicKey readPublicKey(Path file) {
        return readPublicKey(KeyText.read(file), file.toString());
    }

    /** Reads a public RSA key from PEM text; {@code source} names it in error messages. */
    public static PublicKey readPublicKey(String text, String source) {
        String pem = KeyText.normalised(text);
        PublicKey key;
        if (OpenSshKeys.isPublicKey(pem)) {
            key = OpenSshKeys.publicKey(pem, source);
        } else if (OpenSshKeys.isPrivateKey(pem)) {
            throw new KeyLoadException(source + ": expected a public key (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE "
                    + "or ssh-rsa), found an OpenSSH private key");
        } else {
            key = PemObjects.publicKey(parse(pem, source, PemKeys::isPublicKey), source);
        }
        RsaKeys.requireUsableRsa(key, source);
        return key;
    }

    /**
     * The first PEM object of the wanted kind, so a file holding a certificate and then its key (as
     * some servers keep them) is read; otherwise the first object, for the error to describe.
     */
    private static Object parse(String pem, String source, Predicate<Object> wanted) {
        if (pem.isBlank()) {
            throw new KeyLoadException(source + ": the key is empty; expected a PEM key (-----BEGIN ...-----)");
        }
        Object object;
        try {
            object = firstOf(pem, wanted);
        } catch (IOException | RuntimeException e) {
            return relabelled(pem, wanted).orElseThrow(() -> new KeyLoadException(source + ": not a readable PEM "
                    + "key (the PEM block is malformed or of an unknown type); expected RSA PRIVATE KEY, PRIVATE KEY, "
                    + "ENCRYPTED PRIVATE KEY, OPENSSH PRIVATE KEY, PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE or an "
                    + "ssh-rsa line"));
        }
        if (object == null) {
            throw new KeyLoadException(source + ": no PEM block found; expected a PEM key "
                    + "that starts with a -----BEGIN ... KEY----- line");
        }
        return object;
    }

    /** The first object that is wanted, else the first of any kind, else null. */
    private static Object firstOf(String pem, Predicate<Object> wanted) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object first = null;
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof ASN1ObjectIdentifier) {
                    continue; // EC PARAMETERS in front of an EC key: report the key itself
                }
                if (wanted.test(object)) {
                    return object;
                }
                first = first == null ? object : first;
            }
            return first;
        }
    }

    /**
     * PKCS#1 under a PKCS#8 label or the reverse (a hand-edited file, or a library that labels
     * wrongly): the DER says unambiguously what it is, so it is read under the other label.
     */
    private static Optional<Object> relabelled(String pem, Predicate<Object> wanted) {
        Matcher label = MISLABEL.matcher(pem);
        if (!label.find()) {
            return Optional.empty();
        }
        String swapped = label.group(2) == null ? "RSA " + label.group(3) : label.group(3);
        String text = pem.replace("-----BEGIN " + label.group(1) + "-----", "-----BEGIN " + swapped + "-----")
                .replace("-----END " + label.group(1) + "-----", "-----END " + swapped + "-----");
        try {
            return Optional.ofNullable(firstOf(text, wanted));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isPrivateKey(Object object) {
        return object instanceof PEMKeyPair || object instanceof PrivateKeyInfo
                || object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo;
    }

    private static boolean isPublicKey(Object object) {
        return object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder;
    }

    static String describe(Object object) {
        if (isPrivateKey(object)) {
            return "a private key";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof PKCS10CertificationRequest) {
            return "a certificate signing request (CERTIFICATE REQUEST)";
        }
        return "a PEM object of another kind";
    }
}
