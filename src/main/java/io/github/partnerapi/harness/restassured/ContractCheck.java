package io.github.partnerapi.harness.restassured;

import java.util.List;

/**
 * The contract check of one exchange: what was sent, the answer's status and every violation.
 * Violations of a request that the target refused with a 4xx are not counted: the test provoked
 * the refusal, and the refusal's own shape is checked instead.
 *
 * <pre>{@code
 * ContractCheck check = filter.lastCheck();
 * assertThat(check.violations()).isEmpty();
 * }</pre>
 *
 * @param method the request method
 * @param path the request path, with its query string
 * @param status the answer's status
 * @param violations every violation, request side first
 */
public record ContractCheck(String method, String path, int status, List<ContractViolation> violations) {

    public ContractCheck {
        violations = List.copyOf(violations);
    }

    /** Whether the exchange holds to the description. */
    public boolean valid() {
        return violations.isEmpty();
    }
}
