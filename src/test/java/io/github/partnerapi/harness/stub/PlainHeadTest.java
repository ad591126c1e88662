package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainHead} against Jetty's {@link HttpParser} as its oracle: what it reads, it reads as the parser
 * does (method, target, every field's name and value, body), but for the case of field names (which the parser
 * changes for some known fields, not for others); what it declines, the parser reads.
 */
class PlainHeadTest {

    private static final long BODY_MAX = 8192;
    private static final String VALUE_CHARS = " \t!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~";
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String TARGET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/%?";

    /** What one reader made of a request: comparable as text. */
    private record Read(String method, String target, List<String> fields, String body) {
    }

    @Test
    void readsTwoThousandGeneratedPlainRequestsExactlyAsJettysParser() {
        Random random = new Random(20261201);
        for (int i = 0; i < 2000; i++) {
            String request = generated(random);
            assertThat(plainHead(request)).as(request).isEqualTo(parser(request));
        }
    }

    @Test
    void readsTheBenchmarksPostAndItsBody() {
        String body = "{\"name\":\"wrk-company-1\",\"domain\":\"wrk.example\"}";
        String request = "POST /api/v1/p/company HTTP/1.1\r\nHost: 127.0.0.1:18185\r\nx-api-key: wrk-bench-api-key\r\n"
                + "x-timestamp: 1764556800\r\nx-sign: " + "aZ-_".repeat(85) + "bc\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;

        Read read = plainHead(request);

        assertThat(read).isEqualTo(parser(request));
        assertThat(read.body()).isEqualTo(body);
        assertThat(read.fields()).contains("content-type: application/json", "host: 127.0.0.1:18185");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\nHost: a\n\n",
        "GET / HTTP/1.1\r\nHost: a\r\nx-a: 1\r\n 2\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nx-a : 1\r\n\r\n",
        "get / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.0\r\nHost: a\r\n\r\n",
        "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /a\tb HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /a  HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nx-a: caf\u00e9\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nx-a: 1\u00012\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n",
        "GET / HTTP/1.1\r\nx-a: 1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\nx",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1234567890123456789\r\n\r\nx",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9000\r\n\r\nx",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nTE: trailers\r\n\r\n",
        "GET /__proxy/requests HTTP/1.1\r\nHost: a\r\n\r\n",
        "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n: empty name\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nx(a): 1\r\n\r\n"})
    void declinesWhatIsNotPlainForTheParserToRead(String request) {
        assertThat(PlainHead.read(buffer(request), BODY_MAX, new PlainRequest(BODY_MAX))).isEqualTo(PlainHead.DECLINED);
    }

    @Test
    void declinesMoreThanAHundredFields() {
        String request = "GET / HTTP/1.1\r\nHost: a\r\n" + "x-a: 1\r\n".repeat(100) + "\r\n";
        assertThat(PlainHead.read(buffer(request), BODY_MAX, new PlainRequest(BODY_MAX))).isEqualTo(PlainHead.DECLINED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r", "GET / HTTP/1.1\r\nHo",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabc"})
    void waitsForTheRestOfARequestThatFitsTheBuffer(String request) {
        assertThat(PlainHead.read(buffer(request), BODY_MAX, new PlainRequest(BODY_MAX))).isEqualTo(PlainHead.PARTIAL);
    }

    @Test
    void readsOneRequestOfTwoPipelinedAndLeavesTheBufferWhereItWas() {
        String first = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n";
        ByteBuffer buffer = buffer(first + "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n");
        PlainRequest request = new PlainRequest(BODY_MAX);

        assertThat(PlainHead.read(buffer, BODY_MAX, request)).isEqualTo(first.length());
        assertThat(buffer.position()).isZero();
        assertThat(new String(request.received().target(), StandardCharsets.US_ASCII)).isEqualTo("/1");
    }

    private static String generated(Random random) {
        String method = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").get(random.nextInt(7));
        StringBuilder request = new StringBuilder(method).append(" /").append(text(random, TARGET_CHARS, 0, 60))
                .append(" HTTP/1.1\r\n");
        List<String> lines = new ArrayList<>();
        lines.add("Host: " + List.of("127.0.0.1:18185", "api.example", "[::1]:8080", "a-b.example:1").get(random.nextInt(4)));
        for (int n = random.nextInt(12); n > 0; n--) {
            String name = random.nextInt(3) == 0
                    ? List.of("Accept", "content-type", "USER-AGENT", "x-sign", "X-Api-Key", "Cache-Control").get(random.nextInt(6))
                    : text(random, TOKEN_CHARS, 1, 20);
            String value = random.nextInt(4) == 0 ? "x".repeat(random.nextInt(400)) : text(random, VALUE_CHARS, 0, 40);
            lines.add(name + ":" + (random.nextBoolean() ? " " : "") + value);
        }
        String body = random.nextBoolean() ? text(random, VALUE_CHARS, 0, 100) : null;
        if (body != null) {
            lines.add("Content-Length: " + body.length());
        }
        java.util.Collections.shuffle(lines, random);
        lines.forEach(line -> request.append(line).append("\r\n"));
        return request.append("\r\n").append(body == null ? "" : body).toString();
    }

    private static String text(Random random, String alphabet, int min, int max) {
        StringBuilder text = new StringBuilder();
        for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String field(HttpField field) {
        return field.getLowerCaseName() + ": " + field.getValue();
    }

    private static ByteBuffer buffer(String request) {
        ByteBuffer buffer = ByteBuffer.allocate((int) BODY_MAX);
        buffer.put(request.getBytes(StandardCharsets.ISO_8859_1)).flip();
        return buffer;
    }

    private static Read plainHead(String request) {
        PlainRequest read = new PlainRequest(BODY_MAX);
        int size = PlainHead.read(buffer(request), BODY_MAX, read);
        assertThat(size).as("read whole: " + request).isEqualTo(request.length());
        StubHandler.Received received = read.received();
        List<String> fields = received.headers().stream().map(PlainHeadTest::field).toList();
        return new Read(received.method(), new String(received.target(), StandardCharsets.US_ASCII), fields,
                new String(read.body().bytes(), StandardCharsets.ISO_8859_1));
    }

    /** How Jetty's parser, configured as the proxy's server configures it, reads the request. */
    private static Read parser(String request) {
        List<String> fields = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        ByteBuffer content = ByteBuffer.allocate((int) BODY_MAX);
        HttpParser parser = new HttpParser(new HttpParser.RequestHandler() {
            @Override
            public void startRequest(String method, String uri, HttpVersion version) {
                line.append(method).append(' ').append(uri);
            }

            @Override
            public void parsedHeader(HttpField field) {
                fields.add(field(field));
            }

            @Override
            public boolean headerComplete() {
                return false;
            }

            @Override
            public boolean content(ByteBuffer piece) {
                content.put(piece);
                return false;
            }

            @Override
            public boolean contentComplete() {
                return false;
            }

            @Override
            public boolean messageComplete() {
                return true;
            }

            @Override
            public void earlyEOF() {
            }

            @Override
            public void badMessage(HttpException failure) {
                line.append(" refused: ").append(failure.getReason());
            }
        }, JettyServer.MAX_HEAD_BYTES, HttpCompliance.RFC9110);
        parser.setHeaderCacheSize(1024);
        assertThat(parser.parseNext(buffer(request))).as("the parser read it whole: " + line).isTrue();
        String[] methodAndTarget = line.toString().split(" ", 2);
        return new Read(methodAndTarget[0], methodAndTarget[1], fields,
                new String(content.array(), 0, content.position(), StandardCharsets.ISO_8859_1));
    }
}
