package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.github.partnerapi.harness.signing.StringToSign;
import io.github.partnerapi.harness.signing.VisibleBytes;
import java.util.regex.Pattern;

/** Turns "expected 200 but was 401" into a message that shows why the request was refused. */
final class FailureReport {

    private static final Pattern NONCE_REASON = Pattern.compile("\"reason\"\\s*:\\s*\"nonce\"");

    private FailureReport() {
    }

    static AssertionError enrich(AssertionError original, ExchangeLog.Exchange exchange) {
        SignedRequest signed = exchange.signed();
        StringBuilder text = new StringBuilder(String.valueOf(original.getMessage()));
        text.append("\n\nThe Partner API answered 401 to ").append(signed.method()).append(' ').append(signed.url())
                .append("\n  response:       ").append(exchange.responseBody())
                .append("\n  headers sent:   ").append(signed.headers())
                .append("\n  string-to-sign: ").append(signed.stringToSignVisible().replace("\n", "\n                  "));
        if (!signed.signedAsSent()) {
            byte[] sent = StringToSign.of(signed.freshness(), signed.url(), signed.body());
            text.append("\n  sent instead:   ").append(VisibleBytes.of(sent).replace("\n", "\n                  "))
                    .append("\n                  (this filter signed other bytes than it sent, as a negative test's copy does)");
        }
        if ("x-nonce".equals(signed.freshnessHeader()) && NONCE_REASON.matcher(exchange.responseBody()).find()) {
            text.append("\n  nonce:          ").append(NonceSequences.rejectedNonceHint());
        }
        Finding finding = exchange.finding();
        if (finding != null) {
            text.append("\n  signature doctor: ").append(finding.valid()
                    ? "the signature verifies: the 401 is about the API key or freshness (see the response's reason)"
                    : finding.report().replace("\n", "\n    "));
        }
        AssertionError enriched = new AssertionError(text.toString(), original.getCause());
        enriched.setStackTrace(original.getStackTrace());
        return enriched;
    }
}
