package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.StringToSign;

/** One hypothesis: "it was signed like this instead", with the cause it would prove. */
record Candidate(Cause cause, String transformation, String freshness, String url, byte[] body) {

    byte[] payload() {
        return StringToSign.of(freshness, url, body);
    }
}
