package io.github.partnerapi.harness.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads a HAR 1.2 file (browser devtools, Postman, Charles, mitmproxy): every entry whose request
 * has an {@code x-sign} header is one request; the others are left out.
 */
final class HarCapture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;

    HarCapture(String name) {
        this.name = name;
    }

    List<CapturedRequest> read(byte[] text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CaptureException(name + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "; a HAR file is JSON with log.entries");
        } catch (java.io.IOException e) {
            throw new CaptureException(name + ": cannot read it as JSON (" + e.getMessage() + ")");
        }
        JsonNode entries = root == null ? null : root.path("log").path("entries");
        if (entries == null || !entries.isArray()) {
            throw new CaptureException(name + ": no log.entries array; a HAR 1.2 file has {\"log\": {\"entries\": [...]}}");
        }
        List<CapturedRequest> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode request = entries.get(i).path("request");
            List<Map.Entry<String, String>> headers = headers(request.path("headers"));
            if (headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("x-sign"))) {
                out.add(request(request, headers, i + 1));
            }
        }
        if (out.isEmpty()) {
            throw new CaptureException(name + ": none of its " + entries.size() + " entries has an x-sign request header; "
                    + "export the HAR with the signed requests in it");
        }
        return out;
    }

    private CapturedRequest request(JsonNode request, List<Map.Entry<String, String>> headers, int entry) {
        String url = request.path("url").asText("");
        if (url.isEmpty()) {
            throw new CaptureException(name + ": entry " + entry + ": the request has no url");
        }
        JsonNode postData = request.path("postData");
        byte[] body = new byte[0];
        if (postData.has("text")) {
            String text = postData.path("text").asText("");
            body = "base64".equalsIgnoreCase(postData.path("encoding").asText(""))
                    ? Base64.getMimeDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new CapturedRequest(request.path("method").asText("GET"), url, headers, body, "entry " + entry);
    }

    private static List<Map.Entry<String, String>> headers(JsonNode headers) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (JsonNode header : headers) {
            String key = header.path("name").asText("");
            if (!key.isEmpty() && !key.startsWith(":")) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(key, header.path("value").asText("")));
            }
        }
        return out;
    }
}
