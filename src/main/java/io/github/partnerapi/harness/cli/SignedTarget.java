package io.github.partnerapi.harness.cli;

import static io.restassured.RestAssured.given;

import io.github.partnerapi.harness.restassured.ContractFilter;
import io.github.partnerapi.harness.restassured.OpenApiContract;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

/** The {@code contract} command's target: requests signed by the signing filter, exchanges checked by the contract filter. */
final class SignedTarget implements ContractDriver.Target {

    private final String baseUri;
    private final String root;
    private final String basePath;
    private final PartnerApiSigningFilter signing;
    private final ContractFilter contract;

    SignedTarget(String baseUri, PartnerApiSigningFilter signing, OpenApiContract description) {
        URI uri = URI.create(baseUri);
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new CliException("--base-uri " + baseUri + " is not an http(s) URL, e.g. https://sandbox-api.qredo.network/api/v1/p");
        }
        this.baseUri = baseUri;
        this.root = uri.getScheme() + "://" + uri.getRawAuthority();
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.signing = signing;
        this.contract = ContractFilter.of(description, basePath);
    }

    @Override
    public ContractDriver.Answer send(String method, String pathAndQuery, byte[] body) {
        RequestSpecification request = given().baseUri(root).basePath(basePath).urlEncodingEnabled(false)
                .filter(signing).filter(contract);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response response;
        try {
            response = request.request(method, pathAndQuery);
        } catch (Exception e) {
            throw unreachable(e);
        }
        return new ContractDriver.Answer(response.statusCode(), response.asByteArray(), contract.lastCheck());
    }

    private RuntimeException unreachable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return new CliException("cannot reach " + baseUri + " (" + Reachability.reason(cause)
                        + "); is the server running?");
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}
