package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.catalogue.CaseResult.Exchange;
import io.github.partnerapi.harness.signing.ApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends a case's request byte for byte with the JDK's HTTP client. */
final class CaseSender {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Exchange send(CaseRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(new URI(request.url)).timeout(Duration.ofSeconds(30))
                    .method(request.method, request.body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body));
        } catch (java.net.URISyntaxException e) {
            throw new CatalogueException("the case URL '" + request.url + "' is not a valid URI: " + e.getReason());
        }
        request.headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return exchange(request, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return exchange(request, 0, "no answer: " + (e instanceof java.net.ConnectException ? "connection refused"
                    : e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : e.getMessage() == null ? "the connection failed" : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exchange(request, 0, "interrupted");
        }
    }

    private static Exchange exchange(CaseRequest request, int status, String response) {
        return new Exchange(request.method, request.url, request.stringToSign, request.body,
                ApiKey.maskHeaders(request.headers), status, response);
    }
}
