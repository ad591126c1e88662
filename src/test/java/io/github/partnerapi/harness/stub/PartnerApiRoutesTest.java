package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.RoutesHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Routing, validation from the description, strict JSON and the content-type rule, without a server. */
class PartnerApiRoutesTest {

    final RoutesHarness api = new RoutesHarness(StoreLimits.defaults());

    @Test
    void aMissingRequiredFieldIsA400NamingIt() {
        String company = api.company("Acme");
        assertError(api.send("POST", "/company", "{\"city\":\"Paris\"}"), 400, "body", "missing required", "name");
        assertError(api.send("POST", "/company/" + company + "/trustedparty", "{}"), 400, "address");
        assertError(api.send("POST", "/company/" + company + "/transfer", "{\"wallet_id\":\"w\"}"), 400,
                "counterparty_wallet_address", "expires", "send");
        assertError(api.send("POST", "/coreclient/x/sign", "{}"), 400, "message_hash_hex");
        assertError(api.send("POST", "/company", ""), 400, "body", "required");
    }

    @Test
    void aWrongTypeIsA400NamingTheFieldAndWhatWasExpected() {
        String[] fund = api.fund(api.company("Types"));
        assertError(api.send("POST", "/company", "{\"name\":123}"), 400, "'/name'", "integer", "string");
        assertError(api.send("POST", "/fees", "{\"type\":\"transferOut\",\"asset\":\"BTC\",\"amount\":\"12\"}"), 400,
                "'/amount'", "integer");
        assertError(api.send("POST", "/company/" + fund[0] + "/fund", "{\"name\":\"F\",\"custodygroup_tx\":"
                + "{\"threshold\":\"two\",\"members\":[]}}"), 400, "'/custodygroup_tx/threshold'", "integer");
        assertError(api.send("GET", "/company/" + fund[0] + "/fund/" + fund[1] + "/ledger?limit=abc", null), 400,
                "query parameter 'limit'", "integer");
        assertError(api.send("GET", "/wallet/" + fund[2] + "/max?tx_type=gift", null), 400, "tx_type", "enum");
        assertError(api.send("POST", "/company", "[1]"), 400, "body", "array", "object");
    }

    @Test
    void aFieldOverItsLengthIsA400NamingTheFieldAndTheLimitWithoutEchoingIt() {
        String name = "x".repeat(100_000);
        StubResponse answer = api.send("POST", "/company", "{\"name\":\"" + name + "\"}");
        assertError(answer, 400, "'/name'", "length: 100000", "maximum allowed: 256");
        assertThat(RoutesHarness.json(answer).toString()).hasSizeLessThan(1000);
        assertError(api.send("GET", "/company/search?query=" + "q".repeat(300), null), 400,
                "query parameter 'query'", "maximum allowed: 256");
        assertThat(api.store.size()).isZero();
    }

    @Test
    void anUnknownIdIsA404Json() {
        String[] fund = api.fund(api.company("Ids"));
        assertError(api.send("GET", "/company/nosuch", null), 404, "no company nosuch");
        assertError(api.send("GET", "/company/" + fund[0] + "/fund/nofund", null), 404, "no fund nofund");
        assertError(api.send("GET", "/wallet/nowallet/history", null), 404, "no wallet nowallet");
        assertError(api.send("DELETE", "/company/" + fund[0] + "/trustedparty/nobody", null), 404, "no trusted party");
        assertError(api.send("GET", "/company/" + fund[0] + "/transfer/notx", null), 404, "no transfer notx");
        assertError(api.send("GET", "/company/" + fund[0] + "/withdraw/notx", null), 404, "no withdrawal notx");
        assertError(api.send("GET", "/company/" + fund[0] + "/atomicswap/make/noswap", null), 404, "noswap");
        assertError(api.send("GET", "/coreclient/noclient/actions", null), 404, "no core client noclient");
        assertError(api.send("GET", "/coreclient/action/noaction", null), 404, "no action noaction");
        assertError(api.send("POST", "/company/" + fund[0] + "/transfer", transfer("nowallet", 10)), 404, "nowallet");
    }

    static String transfer(String wallet, long amount) {
        return "{\"wallet_id\":\"" + wallet + "\",\"counterparty_wallet_address\":\"tb1qexample\",\"expires\":0,"
                + "\"send\":{\"symbol\":\"BTC-TESTNET\",\"amount\":" + amount + "}}";
    }

    @Test
    void routesComeFromTheDescriptionLiteralSegmentsFirst() {
        api.company("Search Me");
        assertThat(api.ok("GET", "/company/search?query=search", null).path("total_count").asInt()).isEqualTo(1);
        assertError(api.send("DELETE", "/company", null), 405, "DELETE");
        assertError(api.send("GET", "/nothing/here", null), 404, "no such path");
        assertError(api.send("GET", "/coreclient/feed", null), 404, "no such path");
    }

    @Test
    void jsonIsStrict() {
        assertError(api.send("POST", "/company", "{\"name\":\"a\"} xyz"), 400, "malformed JSON", "xyz");
        assertError(api.send("POST", "/company", "{\"name\":\"a\"} {}"), 400, "malformed JSON", "Trailing token");
        assertError(api.send("POST", "/company", "{\"name\":\"a\",\"city\":1e999999999}"), 400, "'/city'", "out of range");
        assertError(api.send("POST", "/fees", "{\"type\":\"swap\",\"asset\":\"BTC\",\"amount\":-1e999999999}"), 400,
                "'/amount'", "out of range");
        assertError(api.send("POST", "/company", "{\"name\":\"a\",\"name\":\"b\"}"), 400, "Duplicate field 'name'");
        assertError(api.send("POST", "/company", "{\"name\":NaN}"), 400, "malformed JSON");
        assertError(api.send("POST", "/company", "[".repeat(100)), 400, "malformed JSON");
        assertThat(api.store.size()).isZero();
    }

    @Test
    void unknownBodyFieldsAreIgnoredAndNotStoredAndABodyOnGetIsIgnored() {
        String id = api.ok("POST", "/company", "{\"name\":\"Extra\",\"tags\":[\"a\"],\"note\":\"" + "n".repeat(5000)
                + "\"}").path("company_id").asText();
        assertThat(api.ok("GET", "/company/" + id, null).has("note")).isFalse();
        assertThat(api.ok("GET", "/company/" + id, "not json at all").path("name").asText()).isEqualTo("Extra");
    }

    @Test
    void aBodyWithoutContentTypeIsJsonAndANonJsonTypeIs415() {
        StubResponse none = api.send("POST", "/company", "{\"name\":\"Go client\"}", null);
        assertThat(none.status()).isEqualTo(200);
        assertError(api.send("POST", "/company", "{\"name\":\"x\"}", "text/plain"), 415, "text/plain");
        assertThat(api.send("POST", "/company", "{\"name\":\"y\"}", "application/json; charset=utf-8").status())
                .isEqualTo(200);
    }
}
