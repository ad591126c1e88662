package io.github.partnerapi.harness.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link SignatureDoctor} found: valid, or the cause, what differs between the signed and
 * the sent request (one sentence), what to change, and a byte-level diff of the two payloads.
 *
 * <pre>{@code
 * Finding finding = doctor.diagnose(sent);
 * if (!finding.valid()) {
 *     System.out.println(finding.cause().code() + ": " + finding.transformation());
 *     System.out.println(finding.explanation());
 *     System.out.println(finding.diff());
 * }
 * }</pre>
 *
 * @param cause the cause ({@link Cause#VALID} when the signature verifies)
 * @param transformation what differs, as a sentence, e.g. "the body was sent pretty-printed; it was signed compact"
 * @param signedPayload the string-to-sign that the signature verifies over (null when unknown)
 * @param sentPayload the string-to-sign of what was sent
 * @param diff where the two payloads first differ
 * @param hint advice specific to what was found (e.g. the Go setting to change), or null
 * @param alsoCauses further differences that must be fixed too (e.g. an x-sign copy slip next to a body
 *     layout), empty when there is one
 */
public record Finding(Cause cause, String transformation, byte[] signedPayload, byte[] sentPayload, ByteDiff diff,
        String hint, List<Cause> alsoCauses) {

    public Finding {
        alsoCauses = alsoCauses == null ? List.of() : List.copyOf(alsoCauses);
    }

    public Finding(Cause cause, String transformation, byte[] signedPayload, byte[] sentPayload, ByteDiff diff) {
        this(cause, transformation, signedPayload, sentPayload, diff, null, List.of());
    }

    public boolean valid() {
        return cause == Cause.VALID;
    }

    /** Every cause to fix: {@link #cause()} first, then {@link #alsoCauses()}. */
    public List<Cause> causes() {
        List<Cause> all = new ArrayList<>();
        all.add(cause);
        all.addAll(alsoCauses);
        return all;
    }

    /** What happened and what to change: the cause's advice, the specific hint, and the advice for each further cause. */
    public String explanation() {
        StringBuilder out = new StringBuilder(cause.advice());
        if (hint != null) {
            out.append(' ').append(hint);
        }
        for (Cause also : alsoCauses) {
            out.append(" Also: ").append(also.advice());
        }
        return out.toString();
    }

    /** Several lines for a terminal or a report: cause and what differs, explanation, diff. */
    public String report() {
        if (valid()) {
            return "valid";
        }
        StringBuilder out = new StringBuilder(cause.code());
        for (Cause also : alsoCauses) {
            out.append(" + ").append(also.code());
        }
        if (transformation != null) {
            out.append(": ").append(transformation);
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
