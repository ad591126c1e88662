package io.github.partnerapi.harness.stub;

import java.util.Locale;

/**
 * How strictly the {@link VerifierStub} authenticates.
 *
 * <pre>{@code
 * VerifierStub stub = VerifierStub.builder().mode(StubMode.SANDBOX).build();
 * }</pre>
 */
public enum StubMode {
    /** API key, freshness and signature, like production. */
    STRICT,
    /** API key only, like the public sandbox. */
    SANDBOX;

    /** Parses {@code strict} or {@code sandbox}, case-insensitively. */
    public static StubMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("stub mode must be strict or sandbox, got '" + text + "'");
        }
    }
}
