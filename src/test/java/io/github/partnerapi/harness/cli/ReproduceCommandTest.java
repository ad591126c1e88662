package io.github.partnerapi.harness.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce: a capture in, what verify prints per request out; JSON Lines; exit 0, 1 and 2. */
class ReproduceCommandTest {

    static final PrivateKey KEY = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    static final String URL = "https://api.qredo.network/api/v1/p/company";
    static final String COMPACT = "{\"name\":\"ACME\",\"n\":1}";
    static final String PRETTY = "{\n  \"name\": \"ACME\",\n  \"n\": 1\n}";

    @TempDir
    Path dir;

    static String sign(String freshness, String url, String body) {
        try {
            Signature jca = Signature.getInstance("SHA256withRSA");
            jca.initSign(KEY);
            jca.update((freshness + url + body).getBytes(UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(jca.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String harEntry(String method, String url, String ts, String xSign, String body) {
        return "{\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url + "\",\"headers\":[{\"name\":\"x-timestamp\","
                + "\"value\":\"" + ts + "\"},{\"name\":\"x-sign\",\"value\":\"" + xSign + "\"}]"
                + (body == null ? "" : ",\"postData\":{\"mimeType\":\"application/json\",\"text\":"
                        + new com.fasterxml.jackson.databind.node.TextNode(body) + "}") + "}}";
    }

    static String har(List<String> entries) {
        return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"test\",\"version\":\"1\"},\"entries\":["
                + String.join(",", entries) + "]}}";
    }

    private CliRun reproduce(String capture, String... extra) throws Exception {
        Path file = Files.writeString(dir.resolve("capture"), capture);
        String[] base = {"reproduce", file.toString(), "--public-key", TestData.publicKey().toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.run(all);
    }

    @Test
    void aValidCurlExitsZeroAndPrintsValid() throws Exception {
        CliRun run = reproduce("curl '" + URL + "' -H 'x-timestamp: 1700000000' -H 'x-sign: "
                + sign("1700000000", URL, COMPACT) + "' --data-raw '" + COMPACT + "'");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("POST " + URL + " (line 1)\nvalid\n\n");
    }

    @Test
    void aHarGivesOneJsonLinePerSignedRequestInOrder() throws Exception {
        String capture = har(List.of(
                harEntry("POST", URL, "1700000000", sign("1700000000", URL, COMPACT), PRETTY),
                "{\"request\":{\"method\":\"GET\",\"url\":\"https://cdn.example/app.js\",\"headers\":[]}}",
                harEntry("GET", URL + "?q=1", "1700000001", sign("1700000001", URL + "?q=1", ""), null),
                harEntry("POST", URL, "1700000002", sign("1700000002", URL, PRETTY + "\n"), PRETTY)));
        CliRun run = reproduce(capture, "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> lines = run.out().lines().map(ReproduceCommandTest::json).toList();
        assertThat(lines).extracting(l -> l.get("cause").asText())
                .containsExactly("body-compacted", "valid", "body-trailing-newline");
        JsonNode first = lines.get(0);
        assertThat(first.fieldNames()).toIterable().contains("method", "url", "valid", "cause", "explanation",
                "transformation", "diff");
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("url").asText()).isEqualTo(URL);
        assertThat(first.get("valid").asBoolean()).isFalse();
        assertThat(first.get("transformation").asText()).isEqualTo("the body was sent pretty-printed with 2 spaces "
                + "(JSON.stringify, jq, Go, Python); it was signed compact");
        assertThat(first.get("diff").get("offset").asInt()).isEqualTo(("1700000000" + URL).length() + 1);
    }

    @Test
    void rawHttpAndStandardInput() throws Exception {
        String request = "POST /api/v1/p/company HTTP/1.1\r\nHost: api.qredo.network\r\nx-timestamp: 5\r\nx-sign: "
                + sign("5", "http://api.qredo.network/api/v1/p/company", COMPACT) + "\r\nContent-Length: "
                + COMPACT.length() + "\r\n\r\n" + COMPACT;
        CliRun https = CliRun.run(request.getBytes(UTF_8), "reproduce", "-", "--public-key", TestData.publicKey().toString());
        assertThat(https.exitCode()).isEqualTo(1);
        assertThat(https.out()).contains("url-host: the request was sent to https://api.qredo.network; it was signed for "
                + "http://api.qredo.network");
        CliRun http = CliRun.run(request.getBytes(UTF_8), "reproduce", "-", "--scheme", "http", "--format", "http",
                "--public-key", TestData.publicKey().toString());
        assertThat(http.exitCode()).isZero();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        CliRun unknown = reproduce("hello world");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).contains("curl command", "HAR 1.2", "raw HTTP/1.1");
        CliRun missing = CliRun.run("reproduce", dir.resolve("nope.har").toString(), "--public-key",
                TestData.publicKey().toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.har: no such file");
        assertThat(reproduce("curl https://x/", "--format", "zip").exitCode()).isEqualTo(2);
        assertThat(reproduce("curl https://x/", "--scheme", "ftp").exitCode()).isEqualTo(2);
        assertThat(reproduce("{\"log\":{\"entries\":[]}}").err()).contains("none of its 0 entries has an x-sign");
        CliRun noKey = CliRun.run("curl https://x/ -H 'x-sign: s'".getBytes(UTF_8), "reproduce", "-", "--public-key",
                dir.resolve("missing.pem").toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("missing.pem");
    }

    static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
