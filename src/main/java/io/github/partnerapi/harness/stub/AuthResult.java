package io.github.partnerapi.harness.stub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of authenticating one request: accepted, or rejected with the public reason and,
 * in explain mode, what was verified; {@code sequence} orders verdicts for the journal.
 */
record AuthResult(boolean accepted, String msg, String reason, Map<String, Object> explain, long sequence) {

    static final String ERR_PARTNER_AUTH = "errPartnerAuth";

    static AuthResult accept() {
        return new AuthResult(true, "ok", null, Map.of(), 0);
    }

    static AuthResult reject(String reason) {
        return new AuthResult(false, ERR_PARTNER_AUTH, reason, Map.of(), 0);
    }

    static AuthResult emptyToken() {
        return new AuthResult(false, "Unauthorized", "empty token", Map.of(), 0);
    }

    AuthResult withExplain(Map<String, Object> details) {
        return new AuthResult(accepted, msg, reason, new LinkedHashMap<>(details), sequence);
    }

    /** This result with the number of the moment its verdict was reached (the journal's order). */
    AuthResult at(long verdictSequence) {
        return new AuthResult(accepted, msg, reason, explain, verdictSequence);
    }

    /** The 401 body: {@code {"code":401,"msg":…,"detail":{"reason":…, …explain}}}. */
    Map<String, Object> body() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.putAll(explain);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 401);
        body.put("msg", msg);
        body.put("detail", detail);
        return body;
    }
}
