package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.StubClient.Answer;
import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StubAuthenticationIT {

    static final String KEY = "c3R1Yi10ZXN0LWFwaS1rZXk=";
    static final PrivateKey PRIVATE = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());
    static final long NOW = 1_700_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private static VerifierStubBuilder stub() {
        return VerifierStub.builder().apiKey(KEY, PUBLIC).clock(CLOCK);
    }

    private static StubClient client(VerifierStub stub) {
        return new StubClient(stub, KEY, RequestSigner.of(PRIVATE, CLOCK));
    }

    private static Answer send(VerifierStub stub, Map<String, String> headers) {
        return StubClient.send("GET", stub.baseUri() + "/assets", new byte[0], headers);
    }

    @Test
    void missingApiKeyIsEmptyTokenAsPubliclyDocumented() throws Exception {
        try (VerifierStub stub = stub().build()) {
            Answer answer = send(stub, Map.of());
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().toString())
                    .isEqualTo("{\"code\":401,\"msg\":\"Unauthorized\",\"detail\":{\"reason\":\"empty token\"}}");
        }
    }

    @Test
    void unknownApiKey() {
        try (VerifierStub stub = stub().build()) {
            Answer answer = new StubClient(stub, "dW5rbm93bg==", RequestSigner.of(PRIVATE, CLOCK)).signed("GET", "/assets", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().path("msg").asText()).isEqualTo("errPartnerAuth");
            assertThat(answer.reason()).isEqualTo("apikey");
        }
    }

    @Test
    void neitherOrBothFreshnessHeaders() {
        try (VerifierStub stub = stub().build()) {
            assertThat(send(stub, Map.of("x-api-key", KEY, "x-sign", "abc")).reason()).isEqualTo("freshness");
            assertThat(send(stub, Map.of("x-api-key", KEY, "x-timestamp", "" + NOW, "x-nonce", "1", "x-sign", "abc"))
                    .reason()).isEqualTo("freshness");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300, 0})
    void timestampsInsideTheWindowAreAccepted(long offset) {
        try (VerifierStub stub = stub().build()) {
            assertThat(client(stub).withFreshness("GET", "/assets", null, "x-timestamp", "" + (NOW + offset)).status())
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1699999699", "1700000301", "1700000000000", "17e8", "-1700000000", "1700000000.0", "",
        "+1700000000", "99999999999999999999", "0x65538280"})
    void timestampsOutsideTheWindowOrNotDecimalSeconds(String value) {
        try (VerifierStub stub = stub().build()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-api-key", KEY);
            headers.put("x-timestamp", value);
            headers.put("x-sign", RequestSigner.of(PRIVATE).sign(value, stub.baseUri() + "/assets", new byte[0]));
            Answer answer = send(stub, headers);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.reason()).isIn("timestamp", "freshness");
            if (!value.isBlank()) {
                assertThat(answer.reason()).isEqualTo("timestamp");
            }
        }
    }

    @Test
    void windowIsConfigurable() {
        try (VerifierStub stub = stub().timestampWindow(java.time.Duration.ofSeconds(10)).build()) {
            assertThat(client(stub).withFreshness("GET", "/assets", null, "x-timestamp", "" + (NOW - 10)).status())
                    .isEqualTo(200);
            assertThat(client(stub).withFreshness("GET", "/assets", null, "x-timestamp", "" + (NOW - 11)).reason())
                    .isEqualTo("timestamp");
        }
    }

    @Test
    void noncesMustIncreasePerApiKey() {
        RequestSigner signer = RequestSigner.of(PRIVATE, CLOCK);
        try (VerifierStub stub = stub().apiKey("b3RoZXIta2V5", PUBLIC).build()) {
            StubClient first = new StubClient(stub, KEY, signer);
            StubClient second = new StubClient(stub, "b3RoZXIta2V5", signer);
            assertThat(first.withFreshness("GET", "/assets", null, "x-nonce", "5").status()).isEqualTo(200);
            assertThat(first.withFreshness("GET", "/assets", null, "x-nonce", "5").reason()).isEqualTo("nonce");
            assertThat(first.withFreshness("GET", "/assets", null, "x-nonce", "4").reason()).isEqualTo("nonce");
            assertThat(second.withFreshness("GET", "/assets", null, "x-nonce", "1").status()).isEqualTo(200);
            assertThat(first.withFreshness("GET", "/assets", null, "x-nonce", "6").status()).isEqualTo(200);
            assertThat(first.withFreshness("GET", "/assets", null, "x-nonce", "x7").reason()).isEqualTo("nonce");
        }
    }

    @Test
    void aNonceWithABadSignatureDoesNotBurnTheNonce() {
        try (VerifierStub stub = stub().build()) {
            Answer bad = send(stub, Map.of("x-api-key", KEY, "x-nonce", "9", "x-sign", "AAAA"));
            assertThat(bad.reason()).isEqualTo("signature");
            assertThat(client(stub).withFreshness("GET", "/assets", null, "x-nonce", "9").status()).isEqualTo(200);
        }
    }

    @Test
    void replaysAreAcceptedInTimestampModeInsideTheWindow() {
        try (VerifierStub stub = stub().build()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-api-key", KEY);
            headers.put("x-timestamp", "" + NOW);
            headers.put("x-sign", RequestSigner.of(PRIVATE).sign("" + NOW, stub.baseUri() + "/assets", new byte[0]));
            assertThat(send(stub, headers).status()).isEqualTo(200);
            assertThat(send(stub, headers).status()).isEqualTo(200);
        }
    }

    @Test
    void badSignaturesAnswerExactlyLikeThePartnerApi() {
        try (VerifierStub stub = stub().build()) {
            String good = RequestSigner.of(PRIVATE).sign("" + NOW, stub.baseUri() + "/assets", new byte[0]);
            String standard = good.replace('-', '+').replace('_', '/');
            for (String xSign : new String[] {null, good + "==", standard.equals(good) ? good + "+" : standard,
                "!!!", good.substring(0, 100), good.substring(1) + "A"}) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("x-api-key", KEY);
                headers.put("x-timestamp", "" + NOW);
                if (xSign != null) {
                    headers.put("x-sign", xSign);
                }
                Answer answer = send(stub, headers);
                assertThat(answer.status()).as(String.valueOf(xSign)).isEqualTo(401);
                assertThat(answer.json().toString())
                        .isEqualTo("{\"code\":401,\"msg\":\"errPartnerAuth\",\"detail\":{\"reason\":\"signature\"}}");
            }
        }
    }

    @Test
    void sandboxModeChecksOnlyTheApiKey() {
        try (VerifierStub stub = stub().mode(StubMode.SANDBOX).build()) {
            assertThat(send(stub, Map.of("x-api-key", KEY, "x-sign", "bad")).status()).isEqualTo(200);
            assertThat(send(stub, Map.of("x-api-key", "bm9wZQ==")).reason()).isEqualTo("apikey");
            assertThat(send(stub, Map.of()).reason()).isEqualTo("empty token");
        }
    }

    @Test
    void explainModeShowsWhatWasVerified() {
        try (VerifierStub stub = stub().explain(true).build()) {
            Answer answer = send(stub, Map.of("x-api-key", KEY, "x-timestamp", "" + NOW, "x-sign", "AAAA"));
            assertThat(answer.reason()).isEqualTo("signature");
            assertThat(answer.json().path("detail").path("url").asText()).isEqualTo(stub.baseUri() + "/assets");
            assertThat(answer.json().path("detail").path("string_to_sign").asText())
                    .isEqualTo(NOW + stub.baseUri() + "/assets");
            assertThat(answer.json().path("detail").path("cause").asText()).isEqualTo("signature-malformed");
            assertThat(answer.json().path("detail").path("transformation").asText())
                    .isEqualTo("x-sign has 4 base64url characters (3 bytes); this 2048-bit key's signatures have 342 "
                            + "(256 bytes): it was cut short or joined with other text");
        }
    }

    @Test
    void explainModeCarriesTheDoctorsFinding() {
        try (VerifierStub stub = stub().explain(true).build()) {
            String url = stub.baseUri() + "/company";
            byte[] compact = "{\"name\":\"ACME\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] pretty = "{\n  \"name\": \"ACME\"\n}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("x-api-key", KEY, "x-timestamp", "" + NOW,
                    "x-sign", RequestSigner.of(PRIVATE).sign("" + NOW, url, compact));
            Answer answer = StubClient.send("POST", url, pretty, headers);
            assertThat(answer.reason()).isEqualTo("signature");
            assertThat(answer.json().path("detail").path("cause").asText()).isEqualTo("body-compacted");
            assertThat(answer.json().path("detail").path("explanation").asText()).contains("compact");
        }
        try (VerifierStub quiet = stub().build()) {
            Answer answer = send(quiet, Map.of("x-api-key", KEY, "x-timestamp", "" + NOW, "x-sign", "AAAA"));
            assertThat(answer.json().path("detail").size()).isEqualTo(1);
        }
    }

    static Stream<Vector> vectors() {
        return TestData.vectors().stream();
    }

    /** Signatures made by OpenSSL and the Go client for real hosts, replayed with signedBaseUrl. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsTheSharedVectorsReplayedForTheirHost(Vector v) {
        URI uri = URI.create(v.url());
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        Clock at = Clock.fixed(Instant.ofEpochSecond(v.header().equals("x-timestamp") ? Long.parseLong(v.value()) : 0),
                ZoneOffset.UTC);
        try (VerifierStub stub = VerifierStub.builder().apiKey(KEY, PUBLIC).clock(at).signedBaseUrl(base).build()) {
            String method = v.body().length == 0 ? "GET" : v.url().contains("/company/") ? "PUT" : "POST";
            String target = v.url().substring(base.length());
            Map<String, String> headers = Map.of("x-api-key", KEY, v.header(), v.value(), "x-sign", v.xSign());
            Answer answer = StubClient.send(method, stub.rootUri() + target, v.body(), headers);
            assertThat(answer.status()).as(answer.json().toString()).isNotEqualTo(401);
            Answer tampered = StubClient.send(method, stub.rootUri() + target + (target.contains("?") ? "&" : "?") + "x=1",
                    v.body(), headers);
            assertThat(tampered.reason()).isEqualTo(v.header().equals("x-nonce") ? "nonce" : "signature");
        }
    }
}
