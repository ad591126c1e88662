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

    Map<String, Object> explain(String apiKey, String freshnessHeader, String freshness, Authenticator.Received request) {
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
