package io.github.partnerapi.harness.signing;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.BadPaddingException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Decrypts password-protected private keys. A wrong password and a cipher the reader cannot use are
 * told apart, because they need different fixes: the second gets the OpenSSL command that re-encrypts
 * the key with OpenSSL 3's default.
 */
final class EncryptedKeys {

    /** Used only to decrypt keys; never registered globally. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** Ciphers of {@code DEK-Info} headers that bcpkix decrypts. */
    private static final List<String> LEGACY_CIPHERS = List.of("DES-", "AES-", "BF-", "RC2-");
    /** Ciphers that OpenSSL 3 reads only with its legacy provider loaded. */
    private static final List<String> OPENSSL_LEGACY_PROVIDER = List.of("SEED", "IDEA", "CAST", "RC5", "DESX");

    /** PKCS#5 v1 and PKCS#12 schemes, as {@code openssl pkcs8 -v1} names them. */
    private static final Map<String, String> PBES1 = Map.of(
            "1.2.840.113549.1.5.3", "PBE-MD5-DES", "1.2.840.113549.1.5.6", "PBE-MD5-RC2-64",
            "1.2.840.113549.1.5.10", "PBE-SHA1-DES", "1.2.840.113549.1.5.11", "PBE-SHA1-RC2-64",
            "1.2.840.113549.1.12.1.1", "PBE-SHA1-RC4-128", "1.2.840.113549.1.12.1.2", "PBE-SHA1-RC4-40",
            "1.2.840.113549.1.12.1.3", "PBE-SHA1-3DES", "1.2.840.113549.1.12.1.4", "PBE-SHA1-2DES",
            "1.2.840.113549.1.12.1.5", "PBE-SHA1-RC2-128", "1.2.840.113549.1.12.1.6", "PBE-SHA1-RC2-40");

    private EncryptedKeys() {
    }

    /**
     * Encrypted PKCS#8. bcpkix has two decryptors: the OpenSSL one reads PKCS#5 v1 with RC2 but not
     * scrypt or Camellia, the PKCS one the reverse; each is tried in turn.
     */
    static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, String source, char[] password) {
        requirePassword(source, password);
        List<Decryptor> decryptors = List.of(
                () -> new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password),
                () -> new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(password));
        boolean reachedTheCipher = false;
        for (Decryptor decryptor : decryptors) {
            try {
                return encrypted.decryptPrivateKeyInfo(decryptor.build());
            } catch (Exception e) {
                reachedTheCipher |= !failedBeforeDecrypting(e);
            }
        }
        String algorithm = describe(encrypted.getEncryptionAlgorithm());
        throw reachedTheCipher ? wrongPassword(source, algorithm) : unsupported(source, algorithm);
    }

    /** Legacy encrypted PKCS#1 ({@code Proc-Type: 4,ENCRYPTED} with a {@code DEK-Info} header). */
    static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, String source, char[] password) {
        requirePassword(source, password);
        String cipher = encrypted.getDekAlgName();
        String upper = cipher.toUpperCase(Locale.ROOT);
        if (LEGACY_CIPHERS.stream().noneMatch(upper::startsWith)) {
            throw unsupported(source, "legacy PEM encryption, " + cipher);
        }
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password))
                    .getPrivateKeyInfo();
        } catch (Exception e) {
            throw wrongPassword(source, "legacy PEM encryption, " + cipher);
        }
    }

    /** True when the failure came before any decryption: the scheme or cipher itself is not available. */
    private static boolean failedBeforeDecrypting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OperatorCreationException || t instanceof ClassCastException
                    || t instanceof IllegalStateException || t instanceof GeneralSecurityException
                    && !(t instanceof BadPaddingException)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
            return name(oid);
        }
        PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
        ASN1ObjectIdentifier kdf = parameters.getKeyDerivationFunc().getAlgorithm();
        String kdfName = PKCSObjectIdentifiers.id_PBKDF2.equals(kdf) ? "PBKDF2"
                : MiscObjectIdentifiers.id_scrypt.equals(kdf) ? "scrypt" : kdf.getId();
        return "PBES2, " + kdfName + ", " + name(parameters.getEncryptionScheme().getAlgorithm());
    }

    private static String name(ASN1ObjectIdentifier oid) {
        String name = PBES1.getOrDefault(oid.getId(), new DefaultAlgorithmNameFinder().getAlgorithmName(oid));
        return name.equals(oid.getId()) ? "algorithm " + name : name;
    }

    private static void requirePassword(String source, char[] password) {
        if (password == null || password.length == 0) {
            throw new KeyLoadException(source + ": the private key is encrypted; give its password "
                    + "(command line: --key-password-env VAR; tests: the partnerapi.private-key-password setting)");
        }
    }

    private static KeyLoadException wrongPassword(String source, String algorithm) {
        return new KeyLoadException(source + ": cannot decrypt the private key (" + algorithm
                + "): wrong password");
    }

    private static KeyLoadException unsupported(String source, String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        String providers = OPENSSL_LEGACY_PROVIDER.stream().anyMatch(upper::contains)
                ? "-provider legacy -provider default " : "";
        return new KeyLoadException(source + ": the private key is encrypted with " + algorithm
                + ", which this reader cannot decrypt; re-encrypt it with OpenSSL 3's default (PBES2, AES-256-CBC): "
                + "openssl pkcs8 " + providers + "-topk8 -v2 aes-256-cbc -in " + source + " -out private-aes.pem");
    }

    /** One of bcpkix's decryptor builders, bound to the password. */
    @FunctionalInterface
    private interface Decryptor {
        InputDecryptorProvider build() throws OperatorCreationException;
    }
}
