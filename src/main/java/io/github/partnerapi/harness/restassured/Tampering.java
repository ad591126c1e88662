package io.github.partnerapi.harness.restassured;

import io.github.partnerapi.harness.signing.RequestSigner;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deliberate differences for negative tests: what to sign instead of what is sent. The default,
 * {@link #NONE}, signs exactly what is sent.
 */
record Tampering(byte[] signedBody, String signedUrl, String fixedFreshness, Duration age,
        RequestSigner otherSigner, Set<String> omittedHeaders) {

    static final Tampering NONE = new Tampering(null, null, null, Duration.ZERO, null, Set.of());

    Tampering {
        omittedHeaders = Set.copyOf(omittedHeaders);
    }

    byte[] bodyToSign(byte[] sent) {
        return signedBody != null ? signedBody : sent;
    }

    String urlToSign(String sent) {
        return signedUrl != null ? signedUrl : sent;
    }

    RequestSigner signer(RequestSigner configured) {
        return otherSigner != null ? otherSigner : configured;
    }

    boolean omits(String header) {
        return omittedHeaders.contains(header.toLowerCase(Locale.ROOT));
    }

    Tampering withSignedBody(byte[] body) {
        return new Tampering(body.clone(), signedUrl, fixedFreshness, age, otherSigner, omittedHeaders);
    }

    Tampering withSignedUrl(String url) {
        return new Tampering(signedBody, url, fixedFreshness, age, otherSigner, omittedHeaders);
    }

    Tampering withFixedFreshness(String value) {
        return new Tampering(signedBody, signedUrl, value, age, otherSigner, omittedHeaders);
    }

    Tampering withAge(Duration value) {
        return new Tampering(signedBody, signedUrl, fixedFreshness, value, otherSigner, omittedHeaders);
    }

    Tampering withSigner(RequestSigner signer) {
        return new Tampering(signedBody, signedUrl, fixedFreshness, age, signer, omittedHeaders);
    }

    Tampering withoutHeader(String header) {
        Set<String> omitted = new TreeSet<>(omittedHeaders);
        omitted.add(header.toLowerCase(Locale.ROOT));
        return new Tampering(signedBody, signedUrl, fixedFreshness, age, otherSigner, omitted);
    }
}
