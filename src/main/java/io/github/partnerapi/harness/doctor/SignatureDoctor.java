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

    /** RSA key sizes whose signatures are told apart from a cut-short one: 2048, 3072 and 4096 bits. */
    private static final List<Integer> KEY_SIZES = List.of(256, 384, 512);
    /** Bodies up to this size get the costlier hypotheses (every millisecond of a timestamp). */
    private static final int SMALL_BODY = 64 * 1024;
    /** Bodies over this size get a narrower timestamp window (each value tried hashes the whole body). */
    private static final int LARGE_BODY = 256 * 1024;

    /** Diagnoses one request. */
    public Finding diagnose(SentRequest sent) {
        byte[] sentPayload = sent.payload();
        if (verifier.verifyPayload(sentPayload, sent.xSign()).valid()) {
            return new Finding(Cause.VALID, null, sentPayload, sentPayload, ByteDiff.of(sentPayload, sentPayload));
        }
        SentSignature signature = new SentSignature(sent.xSign());
        Optional<byte[]> hex = signature.hexBytes();
        if (hex.isPresent()) {
            return hexSignature(sent, sentPayload, signature, hex.get());
        }
        Optional<String> malformation = signature.malformation(signatureBytes());
        Optional<byte[]> decoded = signature.bytes();
        if (malformation.isPresent() && decoded.isPresent() && decoded.get().length != signatureBytes()) {
            Optional<Finding> other = otherKeySize(sentPayload, decoded.get());
            if (other.isPresent()) {
                return other.get();
            }
        }
        if (malformation.isPresent()) {
            return same(Cause.SIGNATURE_MALFORMED, malformation.get(), sentPayload);
        }
        byte[] raw = decoded.orElseThrow();
        String canonical = XSign.encode(raw);
        if (!canonical.equals(sent.xSign()) && verifier.verifyPayload(sentPayload, canonical).valid()) {
            return same(Cause.SIGNATURE_ENCODING, "x-sign was sent with " + signature.slips()
                    + "; it must be unpadded URL-safe base64 with nothing around it", sentPayload);
        }
        Finding finding = diagnoseSignatureOver(sent, sentPayload, raw, canonical);
        return signature.hasSlips() ? withSignatureSlip(finding, "x-sign was also sent with " + signature.slips())
                : finding;
    }

    private Finding hexSignature(SentRequest sent, byte[] sentPayload, SentSignature signature, byte[] raw) {
        String canonical = XSign.encode(raw);
        if (raw.length == signatureBytes()) {
            if (verifier.verifyPayload(sentPayload, canonical).valid()) {
                return same(Cause.SIGNATURE_ENCODING, "x-sign was sent hex-encoded; it must be unpadded URL-safe base64 "
                        + "(the same " + raw.length + " bytes are " + canonical.length() + " base64url characters)", sentPayload);
            }
            Finding finding = diagnoseSignatureOver(sent, sentPayload, raw, canonical);
            if (finding.cause() != Cause.UNKNOWN) {
                return withSignatureSlip(finding, "x-sign was also sent hex-encoded instead of base64url");
            }
        }
        return otherKeySize(sentPayload, raw).orElseGet(() -> same(Cause.SIGNATURE_MALFORMED,
                signature.hexMalformation(raw.length, signatureBytes()), sentPayload));
    }

    /** A signature of another RSA size: a given other key's, or else another key's by its length alone. */
    private Optional<Finding> otherKeySize(byte[] sentPayload, byte[] raw) {
        Optional<Finding> known = otherKey(sentPayload, raw);
        if (known.isPresent() || !KEY_SIZES.contains(raw.length)) {
            return known;
        }
        return Optional.of(same(Cause.WRONG_KEY, "x-sign was signed with a " + raw.length * 8 + "-bit key (" + raw.length
                + " bytes); this public key is " + signatureBytes() * 8 + "-bit (" + signatureBytes() + " bytes)", sentPayload));
    }

    private static Finding withSignatureSlip(Finding finding, String slip) {
        if (finding.cause() == Cause.UNKNOWN || finding.cause() == Cause.VALID) {
            return finding;
        }
        List<Cause> also = new ArrayList<>(finding.alsoCauses());
        also.add(Cause.SIGNATURE_ENCODING);
        return new Finding(finding.cause(), finding.transformation() + "; " + slip, finding.signedPayload(),
                finding.sentPayload(), finding.diff(), finding.hint(), also);
    }

    private static Finding same(Cause cause, String transformation, byte[] sentPayload) {
        return new Finding(cause, transformation, sentPayload, sentPayload, ByteDiff.of(sentPayload, sentPayload));
    }

    private Finding diagnoseSignatureOver(SentRequest sent, byte[] sentPayload, byte[] raw, String canonical) {
        Optional<byte[]> digest = DigestRecovery.digest(publicKey, raw);
        if (digest.isEmpty()) {
            return otherKey(sentPayload, raw).orElseGet(() -> unknown(sentPayload));
        }
        return search(sent, sentPayload, digest.get(), canonical);
    }

    /**
     * Hashes the candidates on all cores (each once), keeps the first match in hypothesis order;
     * the orders of the top-level keys, thousands of them, only when nothing else matched.
     */
    private Finding search(SentRequest sent, byte[] sentPayload, byte[] digest, String canonical) {
        ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(SignatureDoctor::sha256);
        Optional<Candidate> match = candidates(sent).parallelStream()
                .filter(candidate -> Arrays.equals(candidate.digest(sha256.get()), digest))
                .filter(candidate -> !Arrays.equals(candidate.payload(), sentPayload))
                .findFirst();
        if (match.isEmpty()) {
            match = permutation(sent, digest, sha256);
        }
        if (match.isPresent() && verifier.verifyPayload(match.get().payload(), canonical).valid()) {
            Candidate found = match.get();
            byte[] payload = found.payload();
            return new Finding(found.cause(), found.transformation(), payload, sentPayload, ByteDiff.of(payload, sentPayload),
                    found.hint(), found.also());
        }
        return unknown(sentPayload);
    }

    private Optional<Candidate> permutation(SentRequest sent, byte[] digest, ThreadLocal<MessageDigest> sha256) {
        JsonForms.Permutations orders = BodyHypotheses.permutations(sent.rawBody());
        byte[] prefix = io.github.partnerapi.harness.signing.StringToSign.prefix(sent.freshness(), sent.url());
        java.util.OptionalLong index = java.util.stream.LongStream.range(1, orders.count()).parallel()
                .filter(i -> {
                    MessageDigest sha = sha256.get();
                    sha.update(prefix);
                    orders.feed(sha, i);
                    return Arrays.equals(sha.digest(), digest);
                })
                .findFirst();
        if (index.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = orders.body(index.getAsLong());
        return Optional.of(new Candidate(Cause.BODY_KEY_ORDER, orders.transformation(index.getAsLong()), null, List.of(),
                sent.freshness(), sent.url(), () -> body));
    }

    private List<Candidate> candidates(SentRequest sent) {
        List<Candidate> out = new ArrayList<>();
        byte[] body = sent.rawBody();
        for (BodyHypotheses.Body form : BodyHypotheses.of(body)) {
            out.add(new Candidate(form.cause(), form.transformation(), form.hint(), form.also(), sent.freshness(), sent.url(),
                    form.bytes()));
        }
        java.util.function.Supplier<byte[]> sentBody = () -> body;
        for (UrlHypotheses.Url url : UrlHypotheses.of(sent.url(), baseUrls)) {
            if (!url.url().equals(sent.url())) {
                out.add(new Candidate(url.cause(), url.transformation(), url.hint(), List.of(), sent.freshness(), url.url(),
                        sentBody));
            }
        }
        for (FreshnessHypotheses.Value value : FreshnessHypotheses.of(sent.freshnessHeader(), sent.freshness(), clock,
                body.length <= SMALL_BODY, body.length > LARGE_BODY)) {
            out.add(new Candidate(Cause.FRESHNESS_VALUE, value.transformation(), null, List.of(), value.value(), sent.url(),
                    sentBody));
        }
        return out;
    }

    private Optional<Finding> otherKey(byte[] sentPayload, byte[] raw) {
        String canonical = XSign.encode(raw);
        for (PublicKey other : otherKeys) {
            if (SignatureVerifier.of(other).verifyPayload(sentPayload, canonical).valid()) {
                return Optional.of(same(Cause.WRONG_KEY, "x-sign was made with another private key (the one whose public "
                        + "key was given as a candidate, " + bits(other) + "-bit)", sentPayload));
            }
        }
        return Optional.empty();
    }

    private static int bits(PublicKey key) {
        return key instanceof java.security.interfaces.RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
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
