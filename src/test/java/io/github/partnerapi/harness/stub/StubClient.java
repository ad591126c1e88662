package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.signing.RequestSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends requests to a stub with any headers, signed or not, and parses the JSON answer. */
final class StubClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, JsonNode json) {
        String reason() {
            return json.path("detail").path("reason").asText(null);
        }
    }

    private final VerifierStub stub;
    private final String apiKey;
    private final RequestSigner signer;

    StubClient(VerifierStub stub, String apiKey, RequestSigner signer) {
        this.stub = stub;
        this.apiKey = apiKey;
        this.signer = signer;
    }

    /** Signed with x-timestamp = now. */
    Answer signed(String method, String path, String body) {
        String ts = signer.timestamp();
        return withFreshness(method, path, body, "x-timestamp", ts);
    }

    Answer withFreshness(String method, String path, String body, String header, String value) {
        String url = stub.baseUri() + path;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", apiKey);
        headers.put(header, value);
        headers.put("x-sign", signer.sign(value, url, bytes));
        return send(method, url, bytes, headers);
    }

    static Answer send(String method, String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0 && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
