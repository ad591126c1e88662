package io.github.partnerapi.harness.doctor;

/**
 * What the {@link SignatureDoctor} found: valid, or the cause, the transformation that makes the
 * signature verify, and a byte-level diff of the signed versus the sent payload.
 *
 * <pre>{@code
 * Finding finding = doctor.diagnose(sent);
 * if (!finding.valid()) {
 *     System.out.println(finding.cause().code() + ": " + finding.explanation());
 *     System.out.println(finding.diff());
 * }
 * }</pre>
 *
 * @param cause the cause ({@link Cause#VALID} when the signature verifies)
 * @param transformation how the signed payload differs from the sent one, e.g. "compact JSON"
 * @param signedPayload the string-to-sign that the signature verifies over (null when unknown)
 * @param sentPayload the string-to-sign of what was sent
 * @param diff where the two payloads first differ
 */
public record Finding(Cause cause, String transformation, byte[] signedPayload, byte[] sentPayload, ByteDiff diff) {

    public boolean valid() {
        return cause == Cause.VALID;
    }

    /** One paragraph: what happened and what to change. */
    public String explanation() {
        return cause.advice();
    }

    /** Several lines for a terminal or a report: cause, what differs, explanation, diff. */
    public String report() {
        if (valid()) {
            return "valid";
        }
        StringBuilder out = new StringBuilder(cause.code());
        if (transformation != null) {
            out.append(": it verifies when signed with ").append(transformation);
        }
        out.append('\n').append(explanation());
        if (diff != null && diff.offset() >= 0) {
            out.append('\n').append(diff);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Finding[" + cause.code() + (transformation == null ? "" : ", " + transformation) + "]";
    }
}
