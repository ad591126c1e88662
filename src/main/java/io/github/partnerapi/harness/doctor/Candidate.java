package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.StringToSign;

/** One hypothesis: "it was signed like this instead", with the cause it would prove. */
record Candidate(Cause cause, String transformation, String freshness, String url, byte[] body) {

    byte[] payload() {
        return StringToSign.of(freshness, url, body);
    }

    /** SHA-256 of the payload, without copying the body into it. */
    byte[] digest(java.security.MessageDigest sha256) {
        sha256.update(StringToSign.prefix(freshness, url));
        sha256.update(body);
        return sha256.digest();
    }
}
