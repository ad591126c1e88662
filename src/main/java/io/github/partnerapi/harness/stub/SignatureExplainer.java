package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.SignatureVerifier;
import java.util.Map;

/** Adds a finding about why a signature failed to the stub's explain-mode 401 detail. */
@FunctionalInterface
interface SignatureExplainer {

    SignatureExplainer NONE = (freshness, request, verifier) -> Map.of();

    Map<String, Object> explain(String freshness, Authenticator.Received request, SignatureVerifier verifier);
}
