package io.github.partnerapi.harness.restassured;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.SignedRequest;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Builds a {@link PartnerApiSigningFilter}. Not thread-safe; the filter it builds is.
 *
 * <pre>{@code
 * PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder()
 *         .apiKey(System.getenv("PARTNERAPI_API_KEY"))
 *         .privateKey(Path.of("private.pem")).privateKeyPassword(password)
 *         .clock(Clock.systemUTC())
 *         .nonces()                              // x-nonce instead of x-timestamp
 *         .build();
 * }</pre>
 */
public final class PartnerApiSigningFilterBuilder {

    private ApiKey apiKey;
    private Path privateKeyFile;
    private PrivateKey privateKey;
    private char[] password;
    private RequestSigner signer;
    private Clock clock;
    private boolean nonces;
    private Consumer<SignedRequest> listener;

    PartnerApiSigningFilterBuilder() {
    }

    /** The API key, sent as {@code x-api-key}. */
    public PartnerApiSigningFilterBuilder apiKey(String key) {
        this.apiKey = ApiKey.of(key);
        return this;
    }

    /** The API key. */
    public PartnerApiSigningFilterBuilder apiKey(ApiKey key) {
        this.apiKey = key;
        return this;
    }

    /** Reads the API key from a file, trimmed. */
    public PartnerApiSigningFilterBuilder apiKeyFile(Path file) {
        this.apiKey = ApiKey.fromFile(file);
        return this;
    }

    /** A PEM private key file of any supported form (PKCS#1, PKCS#8, encrypted). */
    public PartnerApiSigningFilterBuilder privateKey(Path pemFile) {
        this.privateKeyFile = pemFile;
        return this;
    }

    /** A private key already loaded. */
    public PartnerApiSigningFilterBuilder privateKey(PrivateKey key) {
        this.privateKey = key;
        return this;
    }

    /** The password of an encrypted PEM key file. */
    public PartnerApiSigningFilterBuilder privateKeyPassword(char[] keyPassword) {
        this.password = keyPassword == null ? null : keyPassword.clone();
        return this;
    }

    /** A ready signer (its clock is used unless {@link #clock} is given). */
    public PartnerApiSigningFilterBuilder signer(RequestSigner requestSigner) {
        this.signer = requestSigner;
        return this;
    }

    /** The clock timestamps are read from (default: the system clock). */
    public PartnerApiSigningFilterBuilder clock(Clock timestampClock) {
        this.clock = timestampClock;
        return this;
    }

    /** Send {@code x-nonce} (per API key, strictly increasing, requests serialised) instead of {@code x-timestamp}. */
    public PartnerApiSigningFilterBuilder nonces() {
        this.nonces = true;
        return this;
    }

    /** Send {@code x-timestamp} (the default). */
    public PartnerApiSigningFilterBuilder timestamps() {
        this.nonces = false;
        return this;
    }

    /** Called after each response with what was signed and sent (for reports). */
    public PartnerApiSigningFilterBuilder listener(Consumer<SignedRequest> onSigned) {
        this.listener = onSigned;
        return this;
    }

    /** Builds the filter; throws {@link IllegalStateException} naming what is missing. */
    public PartnerApiSigningFilter build() {
        if (apiKey == null) {
            throw new IllegalStateException("PartnerApiSigningFilter: an API key is required; "
                    + "call apiKey(String) or apiKeyFile(Path)");
        }
        int keySources = (privateKeyFile != null ? 1 : 0) + (privateKey != null ? 1 : 0) + (signer != null ? 1 : 0);
        if (keySources != 1) {
            throw new IllegalStateException("PartnerApiSigningFilter: give exactly one of privateKey(Path), "
                    + "privateKey(PrivateKey) or signer(RequestSigner); got " + keySources);
        }
        return new PartnerApiSigningFilter(apiKey, resolveSigner(), nonces, Tampering.NONE, listener);
    }

    private RequestSigner resolveSigner() {
        if (signer != null) {
            if (clock != null) {
                throw new IllegalStateException("PartnerApiSigningFilter: clock(Clock) cannot be combined with "
                        + "signer(RequestSigner); make the signer with RequestSigner.of(key, clock)");
            }
            return signer;
        }
        PrivateKey key = privateKey != null ? privateKey : PemKeys.readPrivateKey(privateKeyFile, password);
        return RequestSigner.of(key, clock == null ? Clock.systemUTC() : clock);
    }
}
