package io.github.partnerapi.harness.stub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the {@link VerifyingProxy} judged and forwarded it, as listed at
 * {@code GET /__proxy/requests}.
 *
 * <pre>{@code
 * ProxyJournalEntry last = proxy.requests().get(proxy.requests().size() - 1);
 * assertThat(last.verdict()).isEqualTo("valid");
 * }</pre>
 *
 * @param method the HTTP method
 * @param url the URL the signature was verified against
 * @param verdict {@code valid}, the strict stub's reason ({@code signature}, {@code timestamp}, …), or
 *        {@code rejected} for a request refused before it could be judged (a body over the limit: 413)
 * @param cause the signature doctor's cause code for a {@code signature} verdict, else null
 * @param explanation what is wrong and what to change, null when valid
 * @param upstreamStatus the upstream's status, null when the request was not forwarded or it failed
 * @param status the status the proxy answered
 * @param apiKey the {@code x-api-key} sent, masked (first 4 characters and the length), or null
 * @param error why the upstream gave no answer (the 502's reason), else null
 */
public record ProxyJournalEntry(String method, String url, String verdict, String cause, String explanation,
        Integer upstreamStatus, int status, String apiKey, String error) {

    /** The entry as listed at {@code GET /__proxy/requests}, snake_case keys, nulls kept. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("url", url);
        json.put("verdict", verdict);
        json.put("cause", cause);
        json.put("explanation", explanation);
        json.put("upstream_status", upstreamStatus);
        json.put("status", status);
        json.put("api_key", apiKey);
        json.put("error", error);
        return json;
    }
}
