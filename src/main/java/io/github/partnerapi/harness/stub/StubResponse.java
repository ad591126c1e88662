package io.github.partnerapi.harness.stub;

import java.util.LinkedHashMap;
import java.util.Map;

/** A status and a JSON body. */
record StubResponse(int status, Object body) {

    static StubResponse ok(Object body) {
        return new StubResponse(200, body);
    }

    /** {@code {"code":status,"msg":msg,"detail":{"reason":reason}}}, the Partner API's error shape. */
    static StubResponse error(int status, String msg, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("msg", msg);
        body.put("detail", detail);
        return new StubResponse(status, body);
    }

    static StubResponse notFound(String what) {
        return error(404, "errNotFound", what);
    }

    static StubResponse badRequest(String reason) {
        return error(400, "errBadRequest", reason);
    }

    static StubResponse methodNotAllowed(String method, String path) {
        return error(405, "errMethodNotAllowed", method + " is not allowed on " + path);
    }
}
