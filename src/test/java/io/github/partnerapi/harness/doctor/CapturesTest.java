package io.github.partnerapi.harness.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each capture format read as curl, browsers and proxies write it, with curl's own body semantics. */
class CapturesTest {

    static final String URL = "https://api.qredo.network/api/v1/p/company";

    @TempDir
    Path dir;

    private List<CapturedRequest> parse(String text, Captures.Format format) {
        return Captures.parse(text.getBytes(UTF_8), format, "capture.txt", dir, "https");
    }

    private CapturedRequest one(String text) {
        List<CapturedRequest> requests = parse(text, Captures.Format.AUTO);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void chromeCopyAsCurlBashWithAnsiCQuotingAndContinuations() {
        CapturedRequest r = one("curl 'https://api.qredo.network/api/v1/p/company' \\\n"
                + "  -H 'accept: application/json' \\\n  -H 'x-timestamp: 1700000000' \\\n"
                + "  -H 'x-sign: abc_-' \\\n  --data-raw $'{\\n  \"name\": \"Caf\\xc3\\xa9 l\\'Or\"\\n}' \\\n  --compressed\n");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo(URL);
        assertThat(new String(r.body(), UTF_8)).isEqualTo("{\n  \"name\": \"Café l'Or\"\n}");
        assertThat(r.header("X-Sign")).hasValue("abc_-");
        assertThat(r.toSentRequest().freshness()).isEqualTo("1700000000");
    }

    @Test
    void firefoxAndPostmanStyles() {
        CapturedRequest firefox = one("curl '" + URL + "' -X PUT -H 'x-nonce: 42' -H 'x-sign: s' --data-raw '{\"a\":1}'");
        assertThat(firefox.method()).isEqualTo("PUT");
        assertThat(firefox.toSentRequest().freshnessHeader()).isEqualTo("x-nonce");
        CapturedRequest postman = one("curl --location --request POST \"" + URL + "?q=a%20b\" \\\n"
                + "--header \"x-timestamp: 1\" \\\n--header \"x-sign: s\" \\\n--data \"{\\\"a\\\": \\\"\\$x\\\"}\"");
        assertThat(postman.url()).isEqualTo(URL + "?q=a%20b");
        assertThat(new String(postman.body(), UTF_8)).isEqualTo("{\"a\": \"$x\"}");
    }

    @Test
    void dataFromAFileFollowsCurl() throws Exception {
        Files.writeString(dir.resolve("body.json"), "{\r\n  \"a\": 1\r\n}\n");
        assertThat(one("curl " + URL + " -H 'x-sign: s' -d @body.json").body()).isEqualTo("{  \"a\": 1}".getBytes(UTF_8));
        assertThat(one("curl " + URL + " -H 'x-sign: s' --data-binary @body.json").body())
                .isEqualTo("{\r\n  \"a\": 1\r\n}\n".getBytes(UTF_8));
        assertThat(one("curl " + URL + " -H 'x-sign: s' --data-raw @body.json").body()).isEqualTo("@body.json".getBytes(UTF_8));
        assertThat(one("curl -sS -XPOST " + URL + " -H'x-sign: s' -d a=1 --data b=2 --data-ascii c").body())
                .isEqualTo("a=1&b=2&c".getBytes(UTF_8));
        CapturedRequest get = one("curl -G " + URL + " -H 'x-sign: s' -d q=1");
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo(URL + "?q=1");
        assertThatThrownBy(() -> one("curl " + URL + " -d @missing.json")).isInstanceOf(CaptureException.class)
                .hasMessageContaining("missing.json").hasMessageContaining("relative to the capture's folder");
    }

    @Test
    void severalCurlCommandsAndAPrompt() {
        List<CapturedRequest> requests = parse("# two requests\n$ curl " + URL + " -H 'x-sign: a'\ncurl --url " + URL
                + "/x -H 'x-sign: b'\n", Captures.Format.CURL);
        assertThat(requests).extracting(CapturedRequest::url).containsExactly(URL, URL + "/x");
    }

    @Test
    void harEntriesWithAnXSignOnly() {
        String har = "{\"log\":{\"version\":\"1.2\",\"entries\":["
                + "{\"request\":{\"method\":\"GET\",\"url\":\"https://x/favicon.ico\",\"headers\":[]}},"
                + "{\"request\":{\"method\":\"POST\",\"url\":\"" + URL + "\",\"headers\":[{\"name\":\":authority\",\"value\":\"x\"},"
                + "{\"name\":\"X-Sign\",\"value\":\"s\"},{\"name\":\"x-timestamp\",\"value\":\"7\"}],"
                + "\"postData\":{\"mimeType\":\"application/json\",\"text\":\"{\\\"name\\\":\\\"Zoë\\\"}\"}}}]}}";
        CapturedRequest r = one(har);
        assertThat(r.source()).isEqualTo("entry 2");
        assertThat(r.body()).isEqualTo("{\"name\":\"Zoë\"}".getBytes(UTF_8));
        assertThat(r.headers()).extracting(h -> h.getKey()).containsExactly("X-Sign", "x-timestamp");
        assertThatThrownBy(() -> parse("{\"log\":{\"entries\":[]}}", Captures.Format.AUTO))
                .hasMessageContaining("none of its 0 entries has an x-sign");
        assertThatThrownBy(() -> parse("{\"log\":", Captures.Format.HAR)).hasMessageContaining("not valid JSON");
    }

    @Test
    void rawHttpWithLengthChunksAndTheScheme() {
        String two = "POST /api/v1/p/company?a=1 HTTP/1.1\r\nHost: api.qredo.network\r\nx-sign: s\r\nContent-Length: 7\r\n\r\n"
                + "{\"a\":1}\r\n\r\nGET /api/v1/p/assets HTTP/1.1\r\nHost: localhost:8080\r\nx-sign: t\r\n\r\n";
        List<CapturedRequest> requests = parse(two, Captures.Format.AUTO);
        assertThat(requests).extracting(CapturedRequest::url).containsExactly(URL + "?a=1", "https://localhost:8080/api/v1/p/assets");
        assertThat(requests.get(0).body()).isEqualTo("{\"a\":1}".getBytes(UTF_8));
        assertThat(Captures.parse(two.getBytes(UTF_8), Captures.Format.HTTP, "c", dir, "http").get(1).url())
                .startsWith("http://localhost:8080");
        String chunked = "POST /api/v1/p/company HTTP/1.1\nHost: h\nx-sign: s\nTransfer-Encoding: chunked\n\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n";
        assertThat(one(chunked).body()).isEqualTo("{\"a\":1}".getBytes(UTF_8));
        String noLength = "PUT /x HTTP/1.1\nHost: h\nx-sign: s\n\n{\n  \"a\": 1\n}\n";
        assertThat(one(noLength).body()).isEqualTo("{\n  \"a\": 1\n}\n".getBytes(UTF_8));
        assertThatThrownBy(() -> one("GET /x HTTP/1.1\nx-sign: s\n\n")).hasMessageContaining("no Host header");
    }

    @Test
    void anUnknownFormatSaysWhichFormatsAreRead() {
        assertThatThrownBy(() -> parse("wget https://x/", Captures.Format.AUTO)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("capture.txt: not a capture (it starts with 'wget https://x/')")
                .hasMessageContaining("curl command").hasMessageContaining("HAR 1.2").hasMessageContaining("raw HTTP/1.1");
        assertThatThrownBy(() -> parse("", Captures.Format.AUTO)).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> parse("curl https://x/ -H 'accept: */*'", Captures.Format.AUTO))
                .hasMessageContaining("none of its 1 request(s) has an x-sign header");
        assertThatThrownBy(() -> parse("curl 'unterminated", Captures.Format.AUTO)).hasMessageContaining("closing ' quote");
    }
}
