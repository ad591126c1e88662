package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.ProxyClient.API_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.PUBLIC_KEY;
import static io.github.partnerapi.harness.stub.ProxyClient.send;
import static io.github.partnerapi.harness.stub.ProxyClient.signed;
import static io.github.partnerapi.harness.stub.ProxyClient.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's verdicts in front of a sandbox-mode stub, a real upstream that checks only the API key. */
class VerifyingProxyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] COMPACT = "{\"name\":\"Proxy Corp\",\"domain\":\"proxy.example\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PRETTY = "{\n  \"name\": \"Proxy Corp\",\n  \"domain\": \"proxy.example\"\n}"
            .getBytes(StandardCharsets.UTF_8);

    private VerifierStub sandbox;
    private VerifyingProxy proxy;
    private VerifyingProxy enforcing;

    @BeforeEach
    void start() {
        sandbox = VerifierStub.builder().mode(StubMode.SANDBOX).apiKey(API_KEY, PUBLIC_KEY).build();
        proxy = VerifyingProxy.builder().upstream(sandbox.rootUri()).apiKey(API_KEY, PUBLIC_KEY).build();
        enforcing = VerifyingProxy.builder().upstream(sandbox.rootUri()).apiKey(API_KEY, PUBLIC_KEY).enforce(true).build();
    }

    @AfterEach
    void stop() {
        proxy.close();
        enforcing.close();
        sandbox.close();
    }

    @Test
    void aValidRequestIsForwardedWithHostSetToTheUpstreamAndMarkedValid() throws Exception {
        HttpResponse<String> response = send(signed("POST", proxy.rootUri(), "/api/v1/p/company", COMPACT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verdict(response)).isEqualTo("valid");
        assertThat(JSON.readTree(response.body()).get("company_id").asText()).isNotEmpty();
        JournalEntry upstream = sandbox.requests().get(0);
        assertThat(upstream.url()).isEqualTo(sandbox.rootUri() + "/api/v1/p/company");
        assertThat(upstream.body()).isEqualTo(new String(COMPACT, StandardCharsets.UTF_8));
        assertThat(sandbox.companyCount()).isEqualTo(1);
        assertThat(proxy.requests()).singleElement().satisfies(entry -> {
            assertThat(entry.verdict()).isEqualTo("valid");
            assertThat(entry.url()).isEqualTo(proxy.rootUri() + "/api/v1/p/company");
            assertThat(entry.upstreamStatus()).isEqualTo(200);
            assertThat(entry.cause()).isNull();
        });
    }

    @Test
    void aBadSignatureTheSandboxAcceptsIsForwardedWithTheDoctorsCause() throws Exception {
        HttpResponse<String> response = send(signed("POST", proxy.rootUri(), "/api/v1/p/company", COMPACT, PRETTY));

        assertThat(response.statusCode()).as("the sandbox lets it through").isEqualTo(200);
        assertThat(verdict(response)).isEqualTo("signature; cause=body-compacted");
        assertThat(sandbox.companyCount()).isEqualTo(1);
        ProxyJournalEntry entry = proxy.requests().get(0);
        assertThat(entry.verdict()).isEqualTo("signature");
        assertThat(entry.cause()).isEqualTo("body-compacted");
        assertThat(entry.explanation()).contains("signed as compact JSON but sent pretty-printed");
        assertThat(entry.upstreamStatus()).isEqualTo(200);
    }

    @Test
    void everyReasonOfTheStrictStubIsTheVerdict() throws Exception {
        String target = "/api/v1/p/company/search?query=proxy";
        HttpRequest.Builder stale = HttpRequest.newBuilder(URI.create(proxy.rootUri() + target)).header("x-api-key", API_KEY)
                .header("x-timestamp", "1634226826")
                .header("x-sign", ProxyClient.sign("1634226826", proxy.rootUri() + target, new byte[0]));
        assertThat(verdict(send(stale))).isEqualTo("timestamp");
        assertThat(verdict(send(signed("GET", proxy.rootUri(), target, new byte[0]).setHeader("x-api-key", "b3RoZXIta2V5"))))
                .isEqualTo("apikey");
        assertThat(verdict(send(HttpRequest.newBuilder(URI.create(proxy.rootUri() + target))))).isEqualTo("empty token");
        assertThat(verdict(send(signed("GET", proxy.rootUri(), target, new byte[0]).header("x-nonce", "7"))))
                .isEqualTo("freshness");
        assertThat(verdict(send(signed("GET", proxy.rootUri(), target, new byte[0])
                .uri(URI.create(proxy.rootUri() + target + "&page=2"))))).isEqualTo("signature; cause=url-query");

        List<ProxyJournalEntry> entries = proxy.requests();
        assertThat(entries).extracting(ProxyJournalEntry::verdict)
                .containsExactly("timestamp", "apikey", "empty token", "freshness", "signature");
        assertThat(entries).allSatisfy(e -> assertThat(e.explanation()).isNotBlank());
        assertThat(entries.get(0).upstreamStatus()).as("the sandbox does not check timestamps").isEqualTo(200);
        assertThat(entries.get(1).upstreamStatus()).as("the sandbox checks the API key").isEqualTo(401);
    }

    @Test
    void enforcingAnswersTheStubs401AndForwardsNothing() throws Exception {
        HttpResponse<String> refused = send(signed("POST", enforcing.rootUri(), "/api/v1/p/company", COMPACT, PRETTY));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"code\":401,\"msg\":\"errPartnerAuth\",\"detail\":{\"reason\":\"signature\"}}"));
        assertThat(verdict(refused)).isEqualTo("signature; cause=body-compacted");
        assertThat(sandbox.requests()).isEmpty();
        assertThat(enforcing.requests().get(0).upstreamStatus()).isNull();
        assertThat(enforcing.requests().get(0).status()).isEqualTo(401);

        HttpResponse<String> valid = send(signed("POST", enforcing.rootUri(), "/api/v1/p/company", COMPACT));
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(verdict(valid)).isEqualTo("valid");
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void theJournalIsServedUnauthenticatedNotForwardedWithTheKeyMaskedAndBounded() throws Exception {
        try (VerifyingProxy small = VerifyingProxy.builder().upstream(sandbox.rootUri()).apiKey(API_KEY, PUBLIC_KEY)
                .journalSize(3).build()) {
            for (int i = 0; i < 5; i++) {
                send(signed("GET", small.rootUri(), "/api/v1/p/company/search?query=q" + i, new byte[0]));
            }
            int forwarded = sandbox.requests().size();
            HttpResponse<String> journal = send(HttpRequest.newBuilder(URI.create(small.rootUri() + "/__proxy/requests")));

            assertThat(journal.statusCode()).isEqualTo(200);
            assertThat(journal.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(sandbox.requests()).hasSize(forwarded);
            JsonNode array = JSON.readTree(journal.body());
            assertThat(array.isArray()).isTrue();
            assertThat(array).hasSize(3);
            assertThat(array.get(2).get("url").asText()).endsWith("query=q4");
            assertThat(array.get(0).fieldNames()).toIterable().contains("method", "url", "verdict", "cause",
                    "explanation", "upstream_status");
            assertThat(array.get(0).get("api_key").asText()).isEqualTo(API_KEY.substring(0, 4) + "… (" + API_KEY.length()
                    + " chars)");
            assertThat(journal.body()).doesNotContain(API_KEY);
            assertThat(send(HttpRequest.newBuilder(URI.create(small.rootUri() + "/__proxy/requests"))
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aBodyOverTheLimitIs413AndNotForwarded() throws Exception {
        try (VerifyingProxy small = VerifyingProxy.builder().upstream(sandbox.rootUri()).apiKey(API_KEY, PUBLIC_KEY)
                .bodyLimit(16).build()) {
            HttpResponse<String> response = send(signed("POST", small.rootUri(), "/api/v1/p/company", COMPACT));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("msg").asText()).isEqualTo("errPayloadTooLarge");
            assertThat(sandbox.requests()).isEmpty();
            assertThat(small.requests().get(0).verdict()).isEqualTo("rejected");
            assertThat(small.requests().get(0).explanation()).contains("limit of 16 bytes");
        }
    }

    @Test
    void theBuilderRefusesWhatItCannotUse() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> VerifyingProxy.builder()
                .upstream("https://sandbox-api.qredo.network/api/v1/p"))).hasMessageContaining(
                        "give https://sandbox-api.qredo.network");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> VerifyingProxy.builder().upstream("ftp://x")))
                .hasMessageContaining("http:// or https://");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> VerifyingProxy.builder().apiKey(API_KEY, PUBLIC_KEY)
                .build())).hasMessageContaining("upstream(url) is required");
    }
}
