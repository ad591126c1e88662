package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.signing.ApiKey;

/**
 * The target a {@link PartnerApiTest} runs against, as a test parameter: its kind, its Partner API
 * base URI and its API key, masked in {@link #toString()}.
 *
 * <pre>{@code
 * @Test
 * void reportsWhereItRan(PartnerApiTarget target) {
 *     System.out.println(target);   // PartnerApiTarget[stub, http://127.0.0.1:41234/api/v1/p, apiKey=bXlB… (44 chars)]
 * }
 * }</pre>
 *
 * @param kind {@code stub} or {@code remote}
 * @param baseUri the Partner API base URI, e.g. {@code http://127.0.0.1:PORT/api/v1/p}
 * @param apiKey the API key sent as {@code x-api-key}
 * @param freshness {@code timestamp} or {@code nonce}
 */
public record PartnerApiTarget(String kind, String baseUri, ApiKey apiKey, String freshness) {

    public boolean isStub() {
        return "stub".equals(kind);
    }

    @Override
    public String toString() {
        return "PartnerApiTarget[" + kind + ", " + baseUri + ", apiKey=" + apiKey.masked() + ", " + freshness + "]";
    }
}
