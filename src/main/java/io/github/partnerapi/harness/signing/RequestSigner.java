package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.util.Objects;

/**
 * Signs Partner API requests: RSASSA-PKCS1-v1_5 with SHA-256 over {@link StringToSign}, encoded by
 * {@link XSign}. Made once from a private key; thread-safe.
 *
 * <pre>{@code
 * RequestSigner signer = RequestSigner.fromPemFile(Path.of("private.pem"));
 * String ts = signer.timestamp();                  // Unix seconds from the signer's clock
 * String xSign = signer.sign(ts, "https://api.qredo.network/api/v1/p/company", bodyBytes);
 * }</pre>
 */
public final class RequestSigner {

    private final PrivateKey privateKey;
    private final Clock clock;
    /** An initialised {@link Signature} per thread: initSign costs more than the hashing of small bodies. */
    private final ThreadLocal<Signature> signatures;

    private RequestSigner(PrivateKey privateKey, Clock clock) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        RsaKeys.requireUsableRsa(privateKey, "the private key given to RequestSigner");
        this.signatures = ThreadLocal.withInitial(this::newSignature);
        newSignature();
    }

    /** A signer for the key, with the system clock in UTC. */
    public static RequestSigner of(PrivateKey privateKey) {
        return of(privateKey, Clock.systemUTC());
    }

    /** A signer for the key whose {@link #timestamp()} reads the given clock. */
    public static RequestSigner of(PrivateKey privateKey, Clock clock) {
        return new RequestSigner(privateKey, clock);
    }

    /** A signer for an unencrypted PEM private key file (PKCS#1 or PKCS#8). */
    public static RequestSigner fromPemFile(Path pem) {
        return of(PemKeys.readPrivateKey(pem, null));
    }

    /** The current Unix time in seconds from this signer's clock, as sent in {@code x-timestamp}. */
    public String timestamp() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    /** The clock this signer reads. */
    public Clock clock() {
        return clock;
    }

    /** Signs {@code freshness + url + body} and returns the {@code x-sign} value. */
    public String sign(String freshness, String url, byte[] body) {
        Signature signature = signatures.get();
        try {
            signature.update(StringToSign.prefix(freshness, url));
            if (body != null) {
                signature.update(body);
            }
            return XSign.encode(signature.sign());
        } catch (SignatureException e) {
            signatures.remove();
            throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Signs {@code freshness + url} followed by the stream's bytes, hashing them as they are read;
     * no copy of the body is kept. The stream is read to its end but not closed.
     */
    public String sign(String freshness, String url, InputStream body) {
        Signature signature = signatures.get();
        try {
            signature.update(StringToSign.prefix(freshness, url));
            byte[] buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                signature.update(buffer, 0, n);
            }
            return XSign.encode(signature.sign());
        } catch (IOException e) {
            signatures.remove();
            throw new UncheckedIOException("could not read the body to sign: " + e.getMessage(), e);
        } catch (SignatureException e) {
            signatures.remove();
            throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = CryptoProviders.signature();
            signature.initSign(privateKey);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise SHA256withRSA signing: " + e.getMessage(), e);
        }
    }
}
