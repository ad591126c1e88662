package io.github.partnerapi.harness.signing;

/**
 * The result of checking an {@code x-sign}: valid, or invalid with a reason.
 *
 * <pre>{@code
 * Verification v = verifier.verify(ts, url, body, xSign);
 * if (!v.valid()) {
 *     System.out.println(v.reason() + ": " + v.message());
 * }
 * }</pre>
 */
public record Verification(Reason reason, String message) {

    /** Why a signature was accepted or not. */
    public enum Reason {
        /** The signature verifies over the payload. */
        VALID,
        /** No {@code x-sign} was given. */
        MISSING,
        /** Not unpadded base64url (padded, standard alphabet, whitespace, other characters). */
        MALFORMED,
        /** Well-formed, but does not verify over this payload with this key. */
        MISMATCH
    }

    public boolean valid() {
        return reason == Reason.VALID;
    }

    static Verification ok() {
        return new Verification(Reason.VALID, "the signature verifies");
    }

    static Verification missing() {
        return new Verification(Reason.MISSING, "no x-sign header");
    }

    static Verification malformed() {
        return new Verification(Reason.MALFORMED,
                "x-sign is not unpadded URL-safe base64 (RFC 4648 section 5, no '=' padding)");
    }

    static Verification mismatch() {
        return new Verification(Reason.MISMATCH,
                "x-sign does not verify over freshness + url + body with this public key");
    }
}
