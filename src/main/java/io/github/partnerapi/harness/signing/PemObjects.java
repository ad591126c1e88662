package io.github.partnerapi.harness.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Turns what {@code PEMParser} returns into JCA keys, with errors that name the source. */
final class PemObjects {

    private PemObjects() {
    }

    static PrivateKey privateKey(Object object, String source, char[] password) {
        PrivateKeyInfo info;
        if (object instanceof PEMKeyPair) {
            info = ((PEMKeyPair) object).getPrivateKeyInfo();
        } else if (object instanceof PrivateKeyInfo) {
            info = (PrivateKeyInfo) object;
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
            info = EncryptedKeys.decrypt((PKCS8EncryptedPrivateKeyInfo) object, source, password);
        } else if (object instanceof PEMEncryptedKeyPair) {
            info = EncryptedKeys.decrypt((PEMEncryptedKeyPair) object, source, password);
        } else {
            throw new KeyLoadException(source + ": expected a private key (RSA PRIVATE KEY, PRIVATE KEY or "
                    + "ENCRYPTED PRIVATE KEY), found " + PemKeys.describe(object));
        }
        requireRsa(info.getPrivateKeyAlgorithm(), source);
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException e) {
            throw new KeyLoadException(source + ": the private key is malformed; expected an RSA private key");
        }
    }

    static PublicKey publicKey(Object object, String source) {
        SubjectPublicKeyInfo info;
        if (object instanceof SubjectPublicKeyInfo) {
            info = (SubjectPublicKeyInfo) object;
        } else if (object instanceof X509CertificateHolder) {
            info = ((X509CertificateHolder) object).getSubjectPublicKeyInfo();
        } else {
            throw new KeyLoadException(source + ": expected a public key (PUBLIC KEY, RSA PUBLIC KEY or "
                    + "CERTIFICATE), found " + PemKeys.describe(object));
        }
        requireRsa(info.getAlgorithm(), source);
        try {
            return new JcaPEMKeyConverter().getPublicKey(info);
        } catch (PEMException e) {
            throw new KeyLoadException(source + ": the public key is malformed; expected an RSA public key");
        }
    }

    private static void requireRsa(AlgorithmIdentifier algorithm, String source) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())) {
            throw new KeyLoadException(source + ": expected an RSA key, found a key of algorithm "
                    + algorithmName(algorithm) + "; the Partner API signs with RSA (SHA256withRSA) only");
        }
    }

    private static String algorithmName(AlgorithmIdentifier algorithm) {
        String oid = algorithm.getAlgorithm().getId();
        switch (oid) {
            case "1.2.840.10045.2.1": return "EC";
            case "1.3.101.112": return "Ed25519";
            case "1.3.101.113": return "Ed448";
            case "1.2.840.10040.4.1": return "DSA";
            case "1.2.840.113549.1.1.10": return "RSASSA-PSS (an RSA key restricted to PSS signatures; "
                    + "make a plain one with openssl genrsa)";
            default: return oid;
        }
    }
}
