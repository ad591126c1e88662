package io.github.partnerapi.harness.catalogue;

import java.util.Locale;
import java.util.Map;

/**
 * One gotcha case, read from a folder of files: what is sent ({@code uri}, {@code body}), what was
 * signed when it differs ({@code signed-uri}, {@code signed-body}) and the descriptor
 * ({@code case.properties}).
 *
 * <pre>{@code
 * List<CatalogueCase> cases = CaseLoader.load(Path.of("testdata/cases"));
 * }</pre>
 *
 * @param name the folder name
 * @param description what the case shows
 * @param method the HTTP method
 * @param uri what is sent: a path below the Partner API base, with its query
 * @param body the body bytes sent, or null for none
 * @param signedUri what was signed instead of {@code uri}, or null
 * @param signedBody what was signed instead of {@code body}, or null
 * @param settings the descriptor's other keys (mode, freshness, timestamp, nonce, api-key, signature, content-type,
 *     expect.cause)
 * @param expectedStatus the status expected
 * @param expectedReason the {@code detail.reason} expected, or null
 */
public record CatalogueCase(String name, String description, String method, String uri, byte[] body,
        String signedUri, byte[] signedBody, Map<String, String> settings, int expectedStatus, String expectedReason) {

    /** A descriptor setting, lower-cased, or the default. */
    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback).strip().toLowerCase(Locale.ROOT);
    }

    /** {@code strict}, {@code sandbox} or {@code any}: the target mode the case needs. */
    public String mode() {
        return setting("mode", "strict");
    }

    /** The signature doctor's cause code expected on this case's 401 ({@code expect.cause}), or null. */
    public String expectedCause() {
        String cause = settings.get("expect.cause");
        return cause == null ? null : cause.strip();
    }

    /** "401 signature" or "200". */
    public String expected() {
        return expectedStatus + (expectedReason == null ? "" : " " + expectedReason);
    }

    /** Whether the expectation depends on the target checking signatures and freshness. */
    public boolean needsVerifyingTarget() {
        return expectedReason != null && java.util.Set.of("signature", "timestamp", "nonce", "freshness")
                .contains(expectedReason);
    }

    @Override
    public String toString() {
        return name;
    }
}
