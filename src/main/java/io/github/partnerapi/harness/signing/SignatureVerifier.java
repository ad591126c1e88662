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

    /** Checks {@code xSign} over {@link StringToSign#of(String, String, byte[])}, without copying the body. */
    public Verification verify(String freshness, String url, byte[] body, String xSign) {
        return verify(xSign, StringToSign.prefix(freshness, url), body == null ? new byte[0] : body);
    }

    /**
     * Checks {@code xSign} over the freshness value, then the URL's bytes exactly as received (a request target
     * need not be UTF-8: a verifier checks the bytes sent), then the body; nothing is copied.
     */
    public Verification verify(String freshness, byte[] url, byte[] body, String xSign) {
        return verify(xSign, StringToSign.prefix(freshness, ""), url, body == null ? new byte[0] : body);
    }

    /** Checks {@code xSign} over an already assembled string-to-sign. */
    public Verification verifyPayload(byte[] payload, String xSign) {
        return verify(xSign, payload);
    }

    private Verification verify(String xSign, byte[]... parts) {
        if (xSign == null || xSign.isEmpty()) {
            return Verification.missing();
        }
        Optional<byte[]> raw = XSign.decode(xSign);
        if (raw.isEmpty()) {
            return Verification.malformed();
        }
        Signature signature = signatures.get();
        try {
            for (byte[] part : parts) {
                signature.update(part);
            }
            return signature.verify(raw.get()) ? Verification.ok() : Verification.mismatch();
        } catch (GeneralSecurityException e) {
            signatures.remove();
            return Verification.mismatch();
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
