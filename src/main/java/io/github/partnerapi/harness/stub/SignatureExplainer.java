package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.signing.SignatureVerifier;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Adds the signature doctor's finding to the stub's explain-mode 401 detail. */
final class SignatureExplainer {

    /** The largest body the stub's explain mode diagnoses: 64 KiB. */
    static final int DIAGNOSED_BODY_BYTES = 64 * 1024;

    private final Map<String, SignatureDoctor> doctors;

    SignatureExplainer(Map<String, SignatureVerifier> keys, String signedBaseUrl) {
        List<PublicKey> all = keys.values().stream().map(SignatureVerifier::publicKey).collect(Collectors.toList());
        Map<String, SignatureDoctor> byKey = new LinkedHashMap<>();
        keys.forEach((apiKey, verifier) -> {
            SignatureDoctor.Builder builder = SignatureDoctor.builder(verifier.publicKey());
            all.stream().filter(k -> !k.equals(verifier.publicKey())).forEach(builder::otherPublicKey);
            if (signedBaseUrl != null) {
                builder.candidateBaseUrl(signedBaseUrl);
            }
            byKey.put(apiKey, builder.build());
        });
        this.doctors = Map.copyOf(byKey);
    }

    /**
     * The doctor's finding; for a body over {@link #DIAGNOSED_BODY_BYTES} it is not run (its hypotheses re-encode
     * the body several times), so that an explained 401 costs no more than a plain one plus a few KiB.
     */
    Map<String, Object> explain(String apiKey, String freshnessHeader, String freshness, Authenticator.Received request) {
        if (request.body().length > DIAGNOSED_BODY_BYTES) {
            return Map.of("doctor", "not run: the body has " + request.body().length + " bytes, the stub diagnoses "
                    + "bodies of up to " + DIAGNOSED_BODY_BYTES + " (the signature doctor of the CLI has no limit)");
        }
        SignatureDoctor doctor = doctors.get(apiKey);
        Finding finding = doctor.diagnose(new SentRequest(freshnessHeader, freshness, request.url(), request.body(),
                request.header().apply("x-sign")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cause", finding.cause().code());
        out.put("explanation", finding.explanation());
        if (finding.transformation() != null) {
            out.put("transformation", finding.transformation());
        }
        if (finding.diff() != null && finding.diff().offset() >= 0) {
            out.put("diff", Map.of("offset", finding.diff().offset(), "signed", finding.diff().signed(),
                    "sent", finding.diff().sent()));
        }
        return out;
    }
}
