package io.github.partnerapi.harness.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request read from a capture (a curl command, a HAR entry or a raw HTTP/1.1 request): what
 * went on the wire, ready for the {@link SignatureDoctor}.
 *
 * <pre>{@code
 * for (CapturedRequest request : Captures.read(Path.of("401.har"), Captures.Format.AUTO, "https")) {
 *     Finding finding = doctor.diagnose(request.toSentRequest());
 * }
 * }</pre>
 *
 * @param method the HTTP method
 * @param url the full URL as sent
 * @param headers the headers in capture order (name, value)
 * @param body the body bytes as sent (empty for none)
 * @param source where in the capture it came from, e.g. "entry 3" or "line 1"
 */
public record CapturedRequest(String method, String url, List<Map.Entry<String, String>> headers, byte[] body,
        String source) {

    public CapturedRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first header of that name (case-insensitive), if any. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().strip().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the request carries an x-sign header. */
    public boolean signed() {
        return header("x-sign").isPresent();
    }

    /** The freshness header that was signed: x-timestamp, else x-nonce (x-timestamp with an empty value if neither). */
    public String freshnessHeader() {
        return header("x-timestamp").isPresent() || header("x-nonce").isEmpty() ? "x-timestamp" : "x-nonce";
    }

    /** The request as the doctor reads it. */
    public SentRequest toSentRequest() {
        String header = freshnessHeader();
        return new SentRequest(header, header(header).map(String::strip).orElse(""), url, body,
                header("x-sign").map(String::strip).orElse(""));
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + url;
    }
}
