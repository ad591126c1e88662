package io.github.partnerapi.harness.restassured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.github.partnerapi.harness.testing.JcaOracle;
import io.github.partnerapi.harness.testing.RecordingServer;
import io.github.partnerapi.harness.testing.RecordingServer.Recorded;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningFilterIT {

    static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());
    static final String API_KEY = "dGVzdC1hcGkta2V5LWZvci1maWx0ZXI=";
    static RecordingServer server;
    static PartnerApiSigningFilter filter;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
        filter = PartnerApiSigningFilter.builder().apiKey(API_KEY).privateKey(TestData.pkcs1Key()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private RequestSpecification request() {
        return given().baseUri(server.baseUri()).port(server.port()).filter(filter);
    }

    /** Sends through the filter and returns what the server received, checked with JCA. */
    private Recorded signedAndVerified(RequestSpecification spec, String method, String path) {
        spec.request(method, path).then().statusCode(200);
        Recorded r = lastReceived();
        assertThat(r.header("x-api-key")).isEqualTo(API_KEY);
        assertThat(JcaOracle.verifies(PUBLIC, r)).as("x-sign verifies over %s %s", r.target(), new String(r.body(),
                StandardCharsets.ISO_8859_1)).isTrue();
        return r;
    }

    /** The request the server received last: every caller holds the class lock, so it is the one just sent. */
    private Recorded lastReceived() {
        return server.requests().stream().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void jsonMapSerialisedByRestAssured() {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Zoë Ltd");
        company.put("city", "Zürich");
        Recorded r;
        synchronized (SigningFilterIT.class) {
            r = signedAndVerified(request().contentType(ContentType.JSON).body(company), "POST", "/api/v1/p/company");
        }
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Zoë Ltd");
    }

    @Test
    void everyBodyTypeAndCharset(@TempDir Path dir) throws Exception {
        synchronized (SigningFilterIT.class) {
            byte[] tabs = "{\r\n\t\"a\": \"é\"\r\n}\n".getBytes(StandardCharsets.UTF_8);
            signedAndVerified(request().contentType(ContentType.JSON).body(tabs), "POST", "/bytes");
            assertThat(server.last().body()).isEqualTo(tabs);

            Path file = Files.write(dir.resolve("body.json"), tabs);
            signedAndVerified(request().contentType(ContentType.JSON).body(file.toFile()), "PUT", "/file");
            assertThat(server.last().body()).isEqualTo(tabs);

            signedAndVerified(request().contentType(ContentType.JSON).body(new ByteArrayInputStream(tabs)), "PATCH", "/stream");
            assertThat(server.last().body()).isEqualTo(tabs);

            signedAndVerified(request().contentType("text/plain").body("café"), "POST", "/latin1");
            assertThat(server.last().body()).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));

            signedAndVerified(request().contentType("application/json; charset=UTF-16").body("{\"é\":1}"), "POST", "/utf16");
            assertThat(server.last().body()).isEqualTo("{\"é\":1}".getBytes(StandardCharsets.UTF_16));

            signedAndVerified(request().contentType(ContentType.JSON).body("{\"é\":1}"), "POST", "/json-default");
            assertThat(server.last().body()).isEqualTo("{\"é\":1}".getBytes(StandardCharsets.UTF_8));

            signedAndVerified(request(), "POST", "/no-body");
            assertThat(server.last().body()).isEmpty();
        }
    }

    @Test
    void pathAndQueryParametersWithReservedAndUnicodeCharacters() {
        synchronized (SigningFilterIT.class) {
            Recorded r = signedAndVerified(request().pathParam("id", "a b+c&d%e/é")
                    .queryParam("q", "x y+z&w=%v")
                    .queryParam("name", "Zoë"), "GET", "/company/{id}");
            assertThat(r.target()).startsWith("/company/a%20b");
        }
    }

    @Test
    void queryStringInThePathPlusQueryParam() {
        synchronized (SigningFilterIT.class) {
            Recorded r = signedAndVerified(request().queryParam("b", "2").queryParam("a", "1"), "GET", "/o?c=3");
            assertThat(r.target()).contains("c=3").contains("b=2").contains("a=1");
            assertThat(filter.lastSignedRequest().url()).isEqualTo(r.url());
        }
    }

    @Test
    void urlEncodingDisabled() {
        synchronized (SigningFilterIT.class) {
            signedAndVerified(request().urlEncodingEnabled(false).queryParam("q", "a%20b"), "GET", "/raw/%C3%A9");
            assertThat(server.last().target()).isEqualTo("/raw/%C3%A9?q=a%20b");
            signedAndVerified(request().urlEncodingEnabled(false), "GET", "/raw/é?q=ü");
            assertThat(filter.lastSignedRequest().headers()).containsEntry("x-sign", server.last().header("x-sign"));
        }
    }

    @Test
    void explicitPortIsSignedAsWritten() {
        synchronized (SigningFilterIT.class) {
            Recorded r = signedAndVerified(given().filter(filter), "GET",
                    "http://127.0.0.1:" + server.port() + "/full/url?x=1");
            assertThat(r.header("host")).isEqualTo("127.0.0.1:" + server.port());
        }
    }

    @Test
    void anEarlierFilterThatRewritesTheBodyIsSignedAfterIt() {
        Filter rewrite = (req, res, ctx) -> {
            req.body("{\"rewritten\":true}");
            return ctx.next(req, res);
        };
        synchronized (SigningFilterIT.class) {
            signedAndVerified(request().filter(rewrite).contentType(ContentType.JSON).body("{}"), "POST", "/rewritten");
            assertThat(new String(server.last().body(), StandardCharsets.UTF_8)).isEqualTo("{\"rewritten\":true}");
        }
    }

    @Test
    void perRequestAndThroughRequestSpecBuilder() {
        synchronized (SigningFilterIT.class) {
            RequestSpecification spec = new RequestSpecBuilder().setBaseUri(server.baseUri()).setPort(server.port())
                    .addFilter(filter).build();
            signedAndVerified(given().spec(spec), "GET", "/spec");
            signedAndVerified(request(), "GET", "/per-request");
        }
    }

    /** Like allure-rest-assured's filter: same (lowest) order, registered after ours, it reads the request headers. */
    @Test
    void aReportFilterOfTheSameOrderRegisteredAfterItSeesTheSignatureHeaders() {
        Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        io.restassured.filter.OrderedFilter report = new io.restassured.filter.OrderedFilter() {
            @Override
            public int getOrder() {
                return io.restassured.filter.OrderedFilter.LOWEST_PRECEDENCE;
            }

            @Override
            public io.restassured.response.Response filter(io.restassured.specification.FilterableRequestSpecification req,
                    io.restassured.specification.FilterableResponseSpecification res, io.restassured.filter.FilterContext ctx) {
                req.getHeaders().forEach(h -> seen.put(h.getName(), h.getValue()));
                return ctx.next(req, res);
            }
        };
        synchronized (SigningFilterIT.class) {
            request().filter(report).get("/reported").then().statusCode(200);
            assertThat(seen).containsKeys("x-api-key", "x-timestamp", "x-sign");
            assertThat(seen.get("x-sign")).isEqualTo(server.last().header("x-sign"));
        }
    }

    @Test
    void headersAlreadyOnTheRequestAreReplacedNotDuplicated() {
        synchronized (SigningFilterIT.class) {
            request().header("X-Api-Key", "b3RoZXIta2V5").header("x-sign", "stale").header("X-Request-Id", "42")
                    .get("/replaced").then().statusCode(200);
            Recorded r = server.last();
            assertThat(r.header("x-api-key")).isEqualTo(API_KEY);
            assertThat(r.header("x-sign")).doesNotContain(",").isNotEqualTo("stale");
            assertThat(r.header("x-request-id")).isEqualTo("42");
            assertThat(JcaOracle.verifies(PUBLIC, r)).isTrue();
        }
    }

    @Test
    void aTamperedCopyAddedToTheRequestOverridesTheSpecsFilter() {
        synchronized (SigningFilterIT.class) {
            RequestSpecification spec = new RequestSpecBuilder().setBaseUri(server.baseUri()).setPort(server.port())
                    .addFilter(filter).build();
            given().spec(spec).filter(filter.signingBody("{}")).contentType(ContentType.JSON).body("{\"a\":1}")
                    .post("/override").then().statusCode(200);
            Recorded r = server.last();
            assertThat(r.header("x-sign")).doesNotContain(",");
            assertThat(JcaOracle.verifies(PUBLIC, r)).isFalse();
            assertThat(JcaOracle.verifies(PUBLIC, r.header("x-timestamp"), r.url(), "{}".getBytes(StandardCharsets.UTF_8),
                    r.header("x-sign"))).isTrue();
        }
    }

    @Test
    void theFilterChangesNothingButItsHeaders() {
        synchronized (SigningFilterIT.class) {
            given().baseUri(server.baseUri()).port(server.port()).contentType("text/plain").body("é ä")
                    .queryParam("b", "2").post("/same?c=3");
            Recorded plain = server.last();
            request().contentType("text/plain").body("é ä").queryParam("b", "2").post("/same?c=3");
            Recorded signed = server.last();
            assertThat(signed.target()).isEqualTo(plain.target());
            assertThat(signed.body()).isEqualTo(plain.body());
            assertThat(signed.header("content-type")).isEqualTo(plain.header("content-type"));
            assertThat(JcaOracle.verifies(PUBLIC, signed)).isTrue();
        }
    }

    @Test
    void multipartAndFormBodiesAreRefusedWithAClearError() {
        assertThatThrownBy(() -> request().multiPart("f", "x").post("/upload"))
                .isInstanceOf(SigningFilterException.class).hasMessageContaining("multipart");
        assertThatThrownBy(() -> request().formParam("a", "1").post("/form"))
                .isInstanceOf(SigningFilterException.class).hasMessageContaining("form parameters");
    }

    @Test
    void whatWasSignedIsHandedToTheTest() {
        synchronized (SigningFilterIT.class) {
            request().contentType(ContentType.JSON).body("{\t}").post("/handed");
            SignedRequest signed = filter.lastSignedRequest();
            assertThat(signed.url()).isEqualTo(server.last().url());
            assertThat(signed.body()).isEqualTo(server.last().body());
            assertThat(signed.headers().get("x-api-key")).isEqualTo("dGVz… (32 chars)");
            assertThat(signed.headers()).containsEntry("x-sign", server.last().header("x-sign"))
                    .containsEntry("x-timestamp", server.last().header("x-timestamp"));
            assertThat(signed.stringToSignVisible()).endsWith("/handed{[TAB]}");
            assertThat(signed.toString()).doesNotContain(API_KEY);
        }
    }
}
