package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Calls the in-memory API as the server would, without a server, and reads the answers. */
final class RoutesHarness {

    final CompanyStore store;
    final PartnerApiRoutes routes;

    RoutesHarness(StoreLimits limits) {
        store = new CompanyStore(limits);
        routes = new PartnerApiRoutes(store);
    }

    StubResponse send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    StubResponse send(String method, String path, String body, String contentType) {
        int q = path.indexOf('?');
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        return routes.handle(method, q < 0 ? path : path.substring(0, q), q < 0 ? "" : path.substring(q + 1),
                headers::get, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's JSON, after checking its status. */
    JsonNode ok(String method, String path, String body) {
        StubResponse response = send(method, path, body);
        assertThat(response.status()).as("%s %s %s -> %s", method, path, body, json(response)).isBetween(200, 202);
        return json(response);
    }

    static JsonNode json(StubResponse response) {
        Object body = response.body();
        if (body instanceof StaticContent.Raw raw) {
            return StubClient.JSON.createObjectNode();
        }
        return StubClient.JSON.valueToTree(body);
    }

    /** Asserts a JSON error of {@code status} whose reason holds every one of {@code parts}. */
    static void assertError(StubResponse response, int status, String... parts) {
        JsonNode json = json(response);
        assertThat(response.status()).as(json.toString()).isEqualTo(status);
        assertThat(json.path("code").asInt()).isEqualTo(status);
        assertThat(json.path("detail").path("reason").asText()).contains(parts);
    }

    String company(String name) {
        return ok("POST", "/company", "{\"name\":\"" + name + "\"}").path("company_id").asText();
    }

    /** A fund with one BTC-TESTNET and one ETH-TESTNET wallet; returns {companyId, fundId, btcWallet, ethWallet}. */
    String[] fund(String company) {
        JsonNode fund = ok("POST", "/company/" + company + "/fund", "{\"name\":\"F\",\"wallets\":["
                + "{\"name\":\"b\",\"asset\":\"BTC-TESTNET\"},{\"name\":\"e\",\"asset\":\"ETH-TESTNET\"}]}");
        return new String[] {company, fund.path("fund_id").asText(), fund.path("wallets").get(0).path("wallet_id").asText(),
            fund.path("wallets").get(1).path("wallet_id").asText()};
    }

    long balance(String wallet) {
        return ok("GET", "/wallet/" + wallet, null).path("balance").asLong();
    }
}
