package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.signing.ApiKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Where cases are sent, with the credentials that sign them.
 *
 * <pre>{@code
 * CatalogueTarget target = new CatalogueTarget("stub (strict)", stub.baseUri(), apiKey, privateKey, publicKey, "strict");
 * }</pre>
 *
 * @param name how the target is reported
 * @param baseUri the Partner API base URI, e.g. {@code http://127.0.0.1:PORT/api/v1/p}
 * @param apiKey the API key it accepts
 * @param privateKey the key that signs for that API key
 * @param publicKey its public half, for the doctor (may be null)
 * @param mode {@code strict} or {@code sandbox} when known; null to let the canary find out
 */
public record CatalogueTarget(String name, String baseUri, ApiKey apiKey, PrivateKey privateKey, PublicKey publicKey,
        String mode) {

    @Override
    public String toString() {
        return name + " " + baseUri + " (API key " + apiKey.masked() + ")";
    }
}
