package io.github.partnerapi.harness.restassured;

/**
 * One way an exchange departs from the OpenAPI description: which exchange, which side, the
 * validator's message and its key.
 *
 * <pre>{@code
 * for (ContractViolation v : check.violations()) {
 *     System.out.println(v);   // POST /api/v1/p/company -> 200: response: [Path '/company_id'] ... (validation.response.body.schema.type)
 * }
 * }</pre>
 *
 * @param method the request method
 * @param path the request path, with its query string
 * @param status the answer's status
 * @param side {@code request} or {@code response}
 * @param key the validator's message key, e.g. {@code validation.response.body.schema.required}
 * @param message what was expected and what was found
 */
public record ContractViolation(String method, String path, int status, String side, String key, String message) {

    /** {@code METHOD path -> status}, the exchange this violation belongs to. */
    public String exchange() {
        return method + " " + path + " -> " + status;
    }

    @Override
    public String toString() {
        return exchange() + ": " + side + ": " + message + " (" + key + ")";
    }
}
