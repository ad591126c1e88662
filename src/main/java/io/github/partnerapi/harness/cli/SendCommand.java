package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.RequestSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code send NAME}: signs and sends {@code requests/NAME/uri} (and {@code body}) like the public client. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Signs and sends requests/NAME/uri ('METHOD URL') and, for POST, PUT and PATCH, requests/NAME/body.",
            "Prints the request line, the headers (API key masked), ---, the status line and the response body.",
            "Exit 0 on 2xx, 1 otherwise."})
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The request folder's name.")
    String name;

    @Option(names = "--requests-dir", defaultValue = "requests", paramLabel = "DIR",
            description = "Folder of request folders (default: ${DEFAULT-VALUE}).")
    Path requestsDir;

    @Option(names = "--base-url", paramLabel = "URL",
            description = {"Replace the URL's scheme, host and port, for example", "http://127.0.0.1:8080"})
    String baseUrl;

    @Option(names = "--api-key-file", defaultValue = "apikey", paramLabel = "FILE",
            description = "File holding the API key (default: ${DEFAULT-VALUE}).")
    Path apiKeyFile;

    @Mixin
    FreshnessOptions freshnessOptions;

    @Mixin
    KeyOptions keyOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        freshnessOptions.validate(spec.commandLine());
        RequestFolder request = RequestFolder.read(requestsDir.resolve(name), baseUrl);
        ApiKey apiKey = ApiKey.fromFile(apiKeyFile);
        RequestSigner signer = RequestSigner.of(keyOptions.privateKey());
        String header = freshnessOptions.header();
        String freshness = freshnessOptions.value(signer);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", apiKey.value());
        headers.put(header, freshness);
        headers.put("x-sign", signer.sign(freshness, request.url(), request.body()));
        if (request.body().length > 0) {
            headers.put("Content-Type", "application/json");
        }
        return print(request, headers, send(request, headers));
    }

    private static HttpResponse<byte[]> send(RequestFolder request, Map<String, String> headers)
            throws IOException, InterruptedException {
        URI uri;
        try {
            uri = new URI(request.url());
        } catch (java.net.URISyntaxException e) {
            throw new CliException(request.uriFile() + ": the URL is not valid (" + e.getReason()
                    + "); percent-encode spaces and other special characters");
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body().length > 0 || request.hasBody()
                        ? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody());
        headers.forEach(http::header);
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                    .build().send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            throw new CliException("cannot connect to " + uri.getHost() + ":" + uri.getPort()
                    + "; is the server running? (--base-url points the request elsewhere)");
        }
    }

    private int print(RequestFolder request, Map<String, String> headers, HttpResponse<byte[]> response) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(request.method() + " " + request.url());
        headers.forEach((n, v) -> out.println(n + ": " + ("x-api-key".equals(n) ? ApiKey.mask(v) : v)));
        out.println("---");
        out.println("HTTP/1.1 " + response.statusCode() + " " + StatusText.of(response.statusCode()));
        out.println(new String(response.body(), StandardCharsets.UTF_8));
        out.flush();
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }
}
