package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.SignatureVerifier;
import io.github.partnerapi.harness.signing.XSign;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains why an {@code x-sign} does not verify: it tries the known ways signed and sent bytes
 * come apart (pretty versus compact JSON, line endings, query order, host, timestamps, another
 * key, …) and names the one that makes the signature verify. Thread-safe.
 *
 * <pre>{@code
 * SignatureDoctor doctor = SignatureDoctor.builder(publicKey).build();
 * Finding finding = doctor.diagnose(new SentRequest("x-timestamp", ts, url, body, xSign));
 * System.out.println(finding.report());
 * }</pre>
 */
public final class SignatureDoctor {

    /** The public Partner API environments, tried as signed hosts. */
    public static final List<String> PUBLIC_ENVIRONMENTS = List.of("https://api.qredo.network",
            "https://sandbox-api.qredo.network", "https://play-api.qredo.network");

    private final PublicKey publicKey;
    private final SignatureVerifier verifier;
    private final List<PublicKey> otherKeys;
    private final List<String> baseUrls;
    private final Clock clock;

    private SignatureDoctor(Builder builder) {
        this.publicKey = builder.publicKey;
        this.verifier = SignatureVerifier.of(builder.publicKey);
        this.otherKeys = List.copyOf(builder.otherKeys);
        this.baseUrls = List.copyOf(builder.baseUrls);
        this.clock = builder.clock;
    }

    public static Builder builder(PublicKey publicKey) {
        return new Builder(publicKey);
    }

    /** Diagnoses one request. */
    public Finding diagnose(SentRequest sent) {
        byte[] sentPayload = sent.payload();
        if (verifier.verifyPayload(sentPayload, sent.xSign()).valid()) {
            return new Finding(Cause.VALID, null, sentPayload, sentPayload, ByteDiff.of(sentPayload, sentPayload));
        }
        SentSignature signature = new SentSignature(sent.xSign());
        Optional<String> malformation = signature.malformation(signatureBytes());
        if (malformation.isPresent()) {
            return new Finding(Cause.SIGNATURE_MALFORMED, malformation.get(), sentPayload, sentPayload,
                    ByteDiff.of(sentPayload, sentPayload));
        }
        byte[] raw = signature.bytes().orElseThrow();
        String canonical = XSign.encode(raw);
        if (!canonical.equals(sent.xSign()) && verifier.verifyPayload(sentPayload, canonical).valid()) {
            return new Finding(Cause.SIGNATURE_ENCODING, "unpadded URL-safe base64 (sent with " + signature.slips() + ")",
                    sentPayload, sentPayload, ByteDiff.of(sentPayload, sentPayload));
        }
        return diagnoseSignatureOver(sent, sentPayload, raw, canonical);
    }

    private Finding diagnoseSignatureOver(SentRequest sent, byte[] sentPayload, byte[] raw, String canonical) {
        Optional<byte[]> digest = DigestRecovery.digest(publicKey, raw);
        if (digest.isEmpty()) {
            return otherKey(sentPayload, raw).orElseGet(() -> unknown(sentPayload));
        }
        return search(sent, sentPayload, digest.get(), canonical);
    }

    /** Hashes the candidates on all cores (each once), keeps the first match in hypothesis order. */
    private Finding search(SentRequest sent, byte[] sentPayload, byte[] digest, String canonical) {
        ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(SignatureDoctor::sha256);
        Optional<Candidate> match = candidates(sent).parallelStream()
                .filter(candidate -> Arrays.equals(candidate.digest(sha256.get()), digest))
                .findFirst();
        if (match.isPresent() && verifier.verifyPayload(match.get().payload(), canonical).valid()) {
            byte[] payload = match.get().payload();
            return new Finding(match.get().cause(), match.get().transformation(), payload, sentPayload,
                    ByteDiff.of(payload, sentPayload));
        }
        return unknown(sentPayload);
    }

    private List<Candidate> candidates(SentRequest sent) {
        List<Candidate> out = new ArrayList<>();
        for (BodyHypotheses.Body body : BodyHypotheses.of(sent.rawBody())) {
            if (!Arrays.equals(body.bytes(), sent.rawBody())) {
                out.add(new Candidate(body.cause(), body.transformation(), sent.freshness(), sent.url(), body.bytes()));
            }
        }
        for (UrlHypotheses.Url url : UrlHypotheses.of(sent.url(), baseUrls)) {
            if (!url.url().equals(sent.url())) {
                out.add(new Candidate(url.cause(), url.transformation(), sent.freshness(), url.url(), sent.rawBody()));
            }
        }
        for (FreshnessHypotheses.Value value : FreshnessHypotheses.of(sent.freshnessHeader(), sent.freshness(), clock)) {
            out.add(new Candidate(Cause.FRESHNESS_VALUE, value.transformation(), value.value(), sent.url(),
                    sent.rawBody()));
        }
        return out;
    }

    private Optional<Finding> otherKey(byte[] sentPayload, byte[] raw) {
        String canonical = XSign.encode(raw);
        for (PublicKey other : otherKeys) {
            if (SignatureVerifier.of(other).verifyPayload(sentPayload, canonical).valid()) {
                return Optional.of(new Finding(Cause.WRONG_KEY, "another private key (its public key was given as "
                        + "a candidate)", sentPayload, sentPayload, ByteDiff.of(sentPayload, sentPayload)));
            }
        }
        return Optional.empty();
    }

    private static Finding unknown(byte[] sentPayload) {
        return new Finding(Cause.UNKNOWN, null, null, sentPayload, null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Configures a {@link SignatureDoctor}.
     *
     * <pre>{@code
     * SignatureDoctor doctor = SignatureDoctor.builder(publicKey)
     *         .otherPublicKey(oldKey)
     *         .candidateBaseUrl("https://staging.example.com")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final PublicKey publicKey;
        private final List<PublicKey> otherKeys = new ArrayList<>();
        private final List<String> baseUrls = new ArrayList<>(PUBLIC_ENVIRONMENTS);
        private Clock clock = Clock.systemUTC();

        private Builder(PublicKey publicKey) {
            this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        }

        /** Another public key the signature may have been made for ({@code wrong-key}). */
        public Builder otherPublicKey(PublicKey key) {
            otherKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Another scheme://host[:port] the request may have been signed for ({@code url-host}). */
        public Builder candidateBaseUrl(String url) {
            baseUrls.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        /** The clock "now" is read from when a timestamp may have been sent as a nonce. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public SignatureDoctor build() {
            return new SignatureDoctor(this);
        }
    }

    /** How long this key's signatures are: the modulus's length in bytes (256 for 2048 bits). */
    private int signatureBytes() {
        return (((java.security.interfaces.RSAPublicKey) publicKey).getModulus().bitLength() + 7) / 8;
    }
}
