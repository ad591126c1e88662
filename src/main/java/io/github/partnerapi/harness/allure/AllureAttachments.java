package io.github.partnerapi.harness.allure;

import io.github.partnerapi.harness.catalogue.CaseResult;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.restassured.ContractViolation;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.github.partnerapi.harness.signing.VisibleBytes;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Attaches what was signed, sent and answered to the current Allure test: the string-to-sign with
 * whitespace made visible, the exact body bytes, the headers (API key masked), the response and the
 * signature doctor's finding. Never a key or an API key in clear.
 *
 * <pre>{@code
 * AllureAttachments.signedRequest(filter.lastSignedRequest(), response.statusCode(), response.asString(), null);
 * }</pre>
 */
public final class AllureAttachments {

    private AllureAttachments() {
    }

    /** Attaches one signed request and its answer. */
    public static void signedRequest(SignedRequest signed, int status, String response, Finding finding) {
        attach(signed.method() + " " + signed.url(), signed.stringToSign(), signed.body(), signed.headers(), status,
                response, finding);
    }

    /** Attaches one contract violation, named after its exchange. */
    public static void contractViolation(ContractViolation violation) {
        Allure.addAttachment("contract violation: " + violation.exchange(), "text/plain", violation.side() + ": "
                + violation.message() + "\nkey: " + violation.key() + "\n");
    }

    /** Attaches one catalogue case's exchange and finding. */
    public static void caseResult(CaseResult result) {
        if (result.exchange() == null) {
            Allure.addAttachment("skipped", "text/plain", result.message());
            return;
        }
        CaseResult.Exchange e = result.exchange();
        attach(result.name() + ": " + e.method() + " " + e.url(), e.stringToSign(), e.body(), e.headers(), e.status(),
                e.response(), result.finding());
    }

    private static void attach(String title, byte[] stringToSign, byte[] body, Map<String, String> headers, int status,
            String response, Finding finding) {
        Allure.addAttachment("string-to-sign (" + title + ")", "text/plain", VisibleBytes.of(stringToSign));
        Allure.addAttachment("body bytes sent", "application/octet-stream", new ByteArrayInputStream(body), ".bin");
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        Allure.addAttachment("headers sent (API key masked)", "text/plain", lines.toString());
        Allure.addAttachment("response " + status, "application/json",
                new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8)), ".json");
        if (finding != null && !finding.valid()) {
            Allure.addAttachment("signature doctor: " + finding.cause().code(), "text/plain", finding.report());
        }
    }
}
