package io.github.partnerapi.harness.cli;

import java.util.Map;

/** Reason phrases for the status line (java.net.http does not report the server's). */
final class StatusText {

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"));

    private StatusText() {
    }

    static String of(int status) {
        return TEXT.getOrDefault(status, "");
    }
}
