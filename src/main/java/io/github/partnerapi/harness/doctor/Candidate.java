package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.StringToSign;
import java.util.List;
import java.util.function.Supplier;

/**
 * One hypothesis: "it was signed like this instead", with the cause it would prove. The body is
 * computed when hashed, so that hundreds of forms of a large body are never all in memory.
 */
record Candidate(Cause cause, String transformation, String hint, List<Cause> also, String freshness, String url,
        Supplier<byte[]> body) {

    byte[] payload() {
        return StringToSign.of(freshness, url, body.get());
    }

    /** SHA-256 of the payload, without copying the body into it. */
    byte[] digest(java.security.MessageDigest sha256) {
        sha256.update(StringToSign.prefix(freshness, url));
        sha256.update(body.get());
        return sha256.digest();
    }
}
