package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.doctor.Finding;
import java.util.Map;

/**
 * How one case went.
 *
 * <pre>{@code
 * for (CaseResult r : results) {
 *     System.out.println(r.name() + " " + r.expected() + " " + r.got() + " " + r.verdict());
 * }
 * }</pre>
 *
 * @param name the case
 * @param description what the case shows
 * @param target the target it ran against
 * @param expected e.g. "401 signature"
 * @param got e.g. "401 signature", "unreachable", or "-" when skipped
 * @param verdict passed, failed or skipped
 * @param message why it failed or was skipped; empty when it passed
 * @param exchange what was signed, sent and answered (null when skipped)
 * @param finding the signature doctor's finding on a 401, or null
 */
public record CaseResult(String name, String description, String target, String expected, String got, Verdict verdict,
        String message, Exchange exchange, Finding finding) {

    /** The verdict of a case. */
    public enum Verdict { PASSED, FAILED, SKIPPED }

    /**
     * What went on the wire and came back.
     *
     * @param method the method
     * @param url the URL sent
     * @param stringToSign the exact bytes signed
     * @param body the exact body bytes sent
     * @param headers the headers sent, API key masked
     * @param status the status answered (0 when unreachable)
     * @param response the response body
     */
    public record Exchange(String method, String url, byte[] stringToSign, byte[] body, Map<String, String> headers,
            int status, String response) {
    }
}
