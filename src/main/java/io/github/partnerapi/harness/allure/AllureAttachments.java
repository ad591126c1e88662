package io.github.partnerapi.harness.allure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.catalogue.CaseResult;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.restassured.ContractViolation;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.github.partnerapi.harness.signing.VisibleBytes;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Attaches what was signed, sent and answered to the current Allure test: the string-to-sign with
 * whitespace made visible (and a legend of the markers), the exact body bytes (as JSON, text or
 * binary, as they are), the headers (API key masked), the response and the signature doctor's
 * finding. Never a key or an API key in clear.
 *
 * <pre>{@code
 * AllureAttachments.signedRequest(filter.lastSignedRequest(), response.statusCode(), response.asString(), null);
 * }</pre>
 */
public final class AllureAttachments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /** Sets the test's description to the case's and attaches its exchange and finding. */
    public static void caseResult(CaseResult result) {
        if (result.description() != null && !result.description().isBlank()) {
            Allure.description(result.description());
        }
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
        Allure.addAttachment("string-to-sign (" + title + ")", "text/plain",
                VisibleBytes.LEGEND + "\n\n" + VisibleBytes.of(stringToSign));
        if (body != null && body.length > 0) {
            bytes("body bytes sent", body);
        }
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        Allure.addAttachment("headers sent (API key masked)", "text/plain", lines.toString());
        bytes("response " + status, response.getBytes(StandardCharsets.UTF_8));
        if (finding != null && !finding.valid()) {
            Allure.addAttachment("signature doctor: " + finding.cause().code(), "text/plain", finding.report());
        }
    }

    /** The bytes unchanged, typed so that the report shows them: JSON, else UTF-8 text, else binary. */
    private static void bytes(String name, byte[] bytes) {
        Kind kind = Kind.of(bytes);
        Allure.addAttachment(name, kind.mediaType, new ByteArrayInputStream(bytes), kind.extension);
    }

    enum Kind {
        JSON("application/json", ".json"), TEXT("text/plain", ".txt"), BINARY("application/octet-stream", ".bin");

        final String mediaType;
        final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Kind of(byte[] bytes) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return BINARY;
            }
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[")) {
                try {
                    MAPPER.readTree(text);
                    return JSON;
                } catch (JsonProcessingException e) {
                    return TEXT;
                }
            }
            return TEXT;
        }
    }
}
