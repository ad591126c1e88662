package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.StubClient.Answer;
import io.github.partnerapi.harness.testing.RawHttp;
import io.github.partnerapi.harness.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StubApiIT {

    static final String KEY = "YXBpLXRlc3Qta2V5LTEyMzQ=";
    VerifierStub stub;
    StubClient client;

    @BeforeEach
    void start() {
        stub = VerifierStub.builder().apiKey(KEY, PemKeys.readPublicKey(TestData.publicKey())).bodyLimit(64 * 1024)
                .journalSize(50).build();
        client = new StubClient(stub, KEY, RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null)));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private String createCompany(String name) {
        Answer created = client.signed("POST", "/company", "{\"name\":\"" + name + "\",\"city\":\"Paris\"}");
        assertThat(created.status()).isEqualTo(200);
        return created.json().path("company_id").asText();
    }

    @Test
    void companiesCanBeCreatedReadUpdatedAndSearched() {
        String id = createCompany("ACME Corp");
        createCompany("Other acme Ltd");
        createCompany("Globex");

        Answer read = client.signed("GET", "/company/" + id, null);
        assertThat(read.json().path("name").asText()).isEqualTo("ACME Corp");
        assertThat(read.json().path("company_id").asText()).isEqualTo(id);

        assertThat(client.signed("PUT", "/company/" + id, "{\"name\":\"ACME Renamed\"}").status()).isEqualTo(200);
        assertThat(client.signed("GET", "/company/" + id, null).json().path("name").asText()).isEqualTo("ACME Renamed");

        Answer search = client.signed("GET", "/company/search?query=ACmE", null);
        assertThat(search.json().path("total_count").asInt()).isEqualTo(2);
        assertThat(search.json().path("matches")).hasSize(2);
        assertThat(client.signed("GET", "/company/search?query=glo%62ex", null).json().path("total_count").asInt())
                .isEqualTo(1);
    }

    @Test
    void trustedPartiesAndFunds() {
        String id = createCompany("Funds Inc");
        Answer party = client.signed("POST", "/company/" + id + "/trustedparty", "{\"address\":\"alice@example.com\"}");
        assertThat(party.status()).isEqualTo(200);
        String partyId = party.json().path("trusted_entity_id").asText();
        Answer list = client.signed("GET", "/company/" + id + "/trustedparty", null);
        assertThat(list.json().path("total_count").asInt()).isEqualTo(1);
        assertThat(list.json().path("list").get(0).path("address").asText()).isEqualTo("alice@example.com");
        assertThat(client.signed("DELETE", "/company/" + id + "/trustedparty/" + partyId, null).status()).isEqualTo(202);
        assertThat(client.signed("DELETE", "/company/" + id + "/trustedparty/" + partyId, null).status()).isEqualTo(404);

        Answer fund = client.signed("POST", "/company/" + id + "/fund", "{\"name\":\"Fund 1\",\"description\":\"demo\"}");
        String fundId = fund.json().path("fund_id").asText();
        assertThat(fund.json().path("custodygroup_withdraw").asText()).isNotEmpty();
        Answer detail = client.signed("GET", "/company/" + id + "/fund/" + fundId, null);
        assertThat(detail.json().path("name").asText()).isEqualTo("Fund 1");
        assertThat(client.signed("GET", "/assets", null).json().path("assets").size()).isGreaterThan(0);
    }

    @Test
    void errorsAreJsonWithTheRightStatus() {
        String id = createCompany("Errors Ltd");
        assertError(client.signed("POST", "/company", "{\"city\":\"Paris\"}"), 400, "name");
        assertError(client.signed("POST", "/company", "{\"name\":"), 400, "malformed JSON");
        assertError(client.signed("POST", "/company", "[1,2]"), 400, "(array)", "\"object\"");
        assertError(client.signed("POST", "/company", "{\"name\":123}"), 400, "'/name'", "(integer)", "\"string\"");
        assertError(client.signed("POST", "/company", "{\"name\":[\"a\"]}"), 400, "(array)");
        assertError(client.signed("POST", "/company/" + id + "/trustedparty", "{\"address\":true}"), 400, "(boolean)");
        assertError(client.signed("POST", "/company/" + id + "/trustedparty", "{}"), 400, "address");
        assertError(client.signed("GET", "/company/nosuchid", null), 404, "nosuchid");
        assertError(client.signed("GET", "/company/" + id + "/fund/nofund", null), 404, "nofund");
        assertError(client.signed("GET", "/nothing/here", null), 404, "no such path");
        assertError(client.signed("DELETE", "/company", null), 405, "DELETE");
        assertError(client.signed("POST", "/assets", "{}"), 405, "POST");
        assertError(client.signed("POST", "/company", "{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413, "limit");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        Answer answer = StubClient.send("POST", stub.baseUri() + "/company", "{\"name\":\"x\"}".getBytes(),
                signedHeadersFor("/company", "{\"name\":\"x\"}", "text/plain"));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().path("code").asInt()).isEqualTo(415);
    }

    @Test
    void aPostWithoutContentTypeIsReadAsJsonAsTheGoClientSendsIt() throws Exception {
        RequestSigner signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
        String body = "{\"name\":\"Go client Ltd\"}";
        String ts = signer.timestamp();
        String sign = signer.sign(ts, "http://127.0.0.1:" + stub.port() + "/api/v1/p/company", body.getBytes());
        RawHttp.Answer answer = RawHttp.send(stub.port(), "POST /api/v1/p/company HTTP/1.1\r\nHost: 127.0.0.1:"
                + stub.port() + "\r\nx-api-key: " + KEY + "\r\nx-timestamp: " + ts + "\r\nx-sign: " + sign
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer.head()).doesNotContainIgnoringCase("\r\nContent-Type: text");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(StubClient.JSON.readTree(answer.body()).path("company_id").asText()).startsWith("1c");
    }

    private java.util.Map<String, String> signedHeadersFor(String path, String body, String contentType) {
        RequestSigner signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
        String ts = signer.timestamp();
        return java.util.Map.of("x-api-key", KEY, "x-timestamp", ts, "Content-Type", contentType,
                "x-sign", signer.sign(ts, stub.baseUri() + path, body.getBytes()));
    }

    @Test
    void sixteenThreadsOf200CreatesLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertThat(client.signed("POST", "/company", "{\"name\":\"Load " + thread + "-" + i + "\"}")
                                .status()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.signed("GET", "/company/search?query=load", null).json().path("total_count").asInt())
                .isEqualTo(3200);
        assertThat(stub.companyCount()).isEqualTo(3200);
    }

    @Test
    void malformedRequestsGetA4xxJsonErrorAndTheStubKeepsServing() throws Exception {
        String base = "Host: 127.0.0.1:" + stub.port() + "\r\n";
        List<RawHttp.Answer> answers = List.of(
                RawHttp.send(stub.port(), "GET /api/v1/p/assets HTTP/1.1\r\n" + base + "x-api-key: " + KEY
                        + "\r\nx-big: " + "a".repeat(20_000) + "\r\n\r\n"),
                RawHttp.send(stub.port(), "GET /api/v1/p/assets HTTP/1.1\r\n" + base + "x-api-key: " + KEY
                        + "\r\nx-timestamp: 1\r\nx-sign: not*base64!\r\n\r\n"),
                RawHttp.send(stub.port(), ("GET /api/v1/p/assets HTTP/1.1\r\n" + base + "x-api-key: ключ\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                RawHttp.send(stub.port(), "POST /api/v1/p/company HTTP/1.1\r\n" + base + "x-api-key: " + KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"));
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
            assertThat(StubClient.JSON.readTree(answer.body()).path("code").asInt()).as(answer.body())
                    .isEqualTo(answer.status());
        }
        assertThat(client.signed("GET", "/assets", null).status()).isEqualTo(200);
    }

    @Test
    void journalListsRecentRequestsWithTheApiKeyMasked() throws Exception {
        for (int i = 0; i < 60; i++) {
            client.signed("GET", "/assets", null);
        }
        client.signed("POST", "/company", "{\"city\":\"x\"}");
        Answer journal = StubClient.send("GET", stub.rootUri() + "/__stub/requests", new byte[0], java.util.Map.of());
        assertThat(journal.json().path("requests")).hasSize(50);
        var last = journal.json().path("requests").get(49);
        assertThat(last.path("method").asText()).isEqualTo("POST");
        assertThat(last.path("url").asText()).isEqualTo(stub.baseUri() + "/company");
        assertThat(last.path("status").asInt()).isEqualTo(400);
        assertThat(last.path("headers").path("x-api-key").asText()).isEqualTo("YXBp… (24 chars)");
        assertThat(journal.json().toString()).doesNotContain(KEY);
        assertThat(stub.requests()).hasSize(50);
    }

    private static void assertError(Answer answer, int status, String... reasonParts) {
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(status);
        assertThat(answer.json().path("code").asInt()).isEqualTo(status);
        assertThat(answer.reason()).contains(reasonParts);
    }
}
