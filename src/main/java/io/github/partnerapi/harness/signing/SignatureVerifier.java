package io.github.partnerapi.harness.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies {@code x-sign} values with a public key. Thread-safe.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.of(PemKeys.readPublicKey(Path.of("public.pem")));
 * Verification v = verifier.verify("1634226826", url, bodyBytes, xSign);
 * }</pre>
 */
public final class SignatureVerifier {

    private final PublicKey publicKey;
    private final ThreadLocal<Signature> signatures;

    private SignatureVerifier(PublicKey publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        RsaKeys.requireUsableRsa(publicKey, "the public key given to SignatureVerifier");
        this.signatures = ThreadLocal.withInitial(this::newSignature);
    }

    public static SignatureVerifier of(PublicKey publicKey) {
        return new SignatureVerifier(publicKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Checks {@code xSign} over {@link StringToSign#of(String, String, byte[])}. */
    public Verification verify(String freshness, String url, byte[] body, String xSign) {
        if (xSign == null || xSign.isEmpty()) {
            return Verification.missing();
        }
        Optional<byte[]> raw = XSign.decode(xSign);
        if (raw.isEmpty()) {
            return Verification.malformed();
        }
        Signature signature = signatures.get();
        try {
            signature.update(StringToSign.prefix(freshness, url));
            if (body != null) {
                signature.update(body);
            }
            return signature.verify(raw.get()) ? Verification.ok() : Verification.mismatch();
        } catch (GeneralSecurityException e) {
            signatures.remove();
            return Verification.mismatch();
        }
    }

    /** Checks {@code xSign} over an already assembled string-to-sign. */
    public Verification verifyPayload(byte[] payload, String xSign) {
        if (xSign == null || xSign.isEmpty()) {
            return Verification.missing();
        }
        Optional<byte[]> raw = XSign.decode(xSign);
        if (raw.isEmpty()) {
            return Verification.malformed();
        }
        return verifies(payload, raw.get()) ? Verification.ok() : Verification.mismatch();
    }

    private boolean verifies(byte[] payload, byte[] rawSignature) {
        Signature signature = signatures.get();
        try {
            signature.update(payload);
            return signature.verify(rawSignature);
        } catch (GeneralSecurityException e) {
            signatures.remove();
            return false;
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = CryptoProviders.signature();
            signature.initVerify(publicKey);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise SHA256withRSA verification: " + e.getMessage(), e);
        }
    }
}
