package io.github.partnerapi.harness.doctor;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.TestData;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cause from a real mismatch: one form signed with JCA, the other sent. */
class SignatureDoctorTest {

    static final PrivateKey KEY = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());
    static final PrivateKey OTHER = PemKeys.readPrivateKey(TestData.file("keys/other-private.pem"), null);
    static final PublicKey OTHER_PUBLIC = PemKeys.readPublicKey(TestData.file("keys/other-public.pem"));
    static final String TS = "1700000000";
    static final String URL = "http://127.0.0.1:8080/api/v1/p/company";
    static final String COMPACT = "{\"name\":\"ACME Corp\",\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Paris\",\"zip\":75001},\"empty\":[]}";
    static final String TWO_SPACES = "{\n  \"name\": \"ACME Corp\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n"
            + "  \"address\": {\n    \"city\": \"Paris\",\n    \"zip\": 75001\n  },\n  \"empty\": []\n}";

    final SignatureDoctor doctor = SignatureDoctor.builder(PUBLIC).otherPublicKey(OTHER_PUBLIC)
            .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_100L), ZoneOffset.UTC)).build();

    static String jcaSign(PrivateKey key, String freshness, String url, byte[] body) {
        try {
            Signature jca = Signature.getInstance("SHA256withRSA");
            jca.initSign(key);
            jca.update((freshness + url).getBytes(UTF_8));
            jca.update(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(jca.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Cause cause(String signedTs, String signedUrl, byte[] signedBody, String sentTs, String sentUrl,
            byte[] sentBody) {
        String xSign = jcaSign(KEY, signedTs, signedUrl, signedBody);
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", sentTs, sentUrl, sentBody, xSign));
        if (!finding.valid() && finding.cause() != Cause.UNKNOWN) {
            byte[] head = (signedTs + signedUrl).getBytes(UTF_8);
            byte[] expected = java.util.Arrays.copyOf(head, head.length + signedBody.length);
            System.arraycopy(signedBody, 0, expected, head.length, signedBody.length);
            assertThat(finding.signedPayload()).as("the payload the doctor found is the one signed").isEqualTo(expected);
        }
        return finding.cause();
    }

    private Cause body(String signed, String sent) {
        return body(signed.getBytes(UTF_8), sent.getBytes(UTF_8));
    }

    private Cause body(byte[] signed, byte[] sent) {
        return cause(TS, URL, signed, TS, URL, sent);
    }

    private Cause url(String signed, String sent) {
        return cause(TS, signed, new byte[0], TS, sent, new byte[0]);
    }

    @Test
    void validSignature() {
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, COMPACT.getBytes(UTF_8),
                jcaSign(KEY, TS, URL, COMPACT.getBytes(UTF_8))));
        assertThat(finding.valid()).isTrue();
        assertThat(finding.report()).isEqualTo("valid");
    }

    @Test
    void compactSignedPrettySent() {
        assertThat(body(COMPACT, TWO_SPACES)).isEqualTo(Cause.BODY_COMPACTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n"})
    void compactFileEndingInANewlineSignedPrettySent(String newline) {
        assertThat(body(COMPACT + newline, TWO_SPACES)).isEqualTo(Cause.BODY_COMPACTED);
        assertThat(body(COMPACT + newline, TWO_SPACES + "\n")).isEqualTo(Cause.BODY_COMPACTED);
        assertThat(body(COMPACT + newline, TWO_SPACES.replace("Paris", "Lyon"))).isNotEqualTo(Cause.BODY_COMPACTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  ", "    ", "\t"})
    void prettySignedCompactSent(String indent) {
        assertThat(body(TWO_SPACES.replace("  ", indent), COMPACT)).isEqualTo(Cause.BODY_PRETTIFIED);
        assertThat(body(TWO_SPACES.replace("  ", indent) + "\n", COMPACT)).isEqualTo(Cause.BODY_PRETTIFIED);
    }

    @Test
    void jacksonDefaultPrettyPrinterSignedCompactSent() throws Exception {
        Object tree = new ObjectMapper().readValue(COMPACT, Object.class);
        String jackson = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertThat(jackson).contains("\"name\" : ", "[ \"a\", \"b\" ]");
        assertThat(body(jackson, COMPACT)).isEqualTo(Cause.BODY_PRETTIFIED);
    }

    @Test
    void pythonStyleWithAsciiEscapesSignedCompactSent() {
        String python = "{\n    \"name\": \"Zo\\u00eb\",\n    \"n\": [\n        1,\n        2\n    ]\n}";
        assertThat(body(python, "{\"name\":\"Zoë\",\"n\":[1,2]}")).isEqualTo(Cause.BODY_PRETTIFIED);
    }

    @Test
    void tabsSignedSpacesSent() {
        assertThat(body(TWO_SPACES.replace("  ", "\t"), TWO_SPACES)).isEqualTo(Cause.BODY_REINDENTED);
        assertThat(body(TWO_SPACES.replace("  ", "    "), TWO_SPACES)).isEqualTo(Cause.BODY_REINDENTED);
    }

    @Test
    void lineEndings() {
        assertThat(body(TWO_SPACES.replace("\n", "\r\n"), TWO_SPACES)).isEqualTo(Cause.BODY_LINE_ENDINGS);
        assertThat(body(TWO_SPACES, TWO_SPACES.replace("\n", "\r\n"))).isEqualTo(Cause.BODY_LINE_ENDINGS);
    }

    @Test
    void trailingNewline() {
        assertThat(body(COMPACT + "\n", COMPACT)).isEqualTo(Cause.BODY_TRAILING_NEWLINE);
        assertThat(body(COMPACT, COMPACT + "\r\n")).isEqualTo(Cause.BODY_TRAILING_NEWLINE);
    }

    @Test
    void byteOrderMark() {
        assertThat(body("\uFEFF" + COMPACT, COMPACT)).isEqualTo(Cause.BODY_BOM);
        assertThat(body(COMPACT, "\uFEFF" + COMPACT)).isEqualTo(Cause.BODY_BOM);
    }

    @Test
    void unicodeEscapesInBothHexCases() {
        assertThat(body("{\"name\":\"Caf\\u00e9 \\ud83d\\ude00\"}", "{\"name\":\"Café 😀\"}")).isEqualTo(Cause.BODY_UNICODE_ESCAPES);
        assertThat(body("{\"name\":\"Caf\\u00E9\"}", "{\"name\":\"Café\"}")).isEqualTo(Cause.BODY_UNICODE_ESCAPES);
        assertThat(body("{\"name\":\"Café\"}", "{\"name\":\"Caf\\u00e9\"}")).isEqualTo(Cause.BODY_UNICODE_ESCAPES);
    }

    @Test
    void charset() {
        assertThat(body("{\"name\":\"Café\"}".getBytes(ISO_8859_1), "{\"name\":\"Café\"}".getBytes(UTF_8)))
                .isEqualTo(Cause.BODY_CHARSET);
        assertThat(body("{\"name\":\"Café\"}".getBytes(UTF_8), "{\"name\":\"Café\"}".getBytes(ISO_8859_1)))
                .isEqualTo(Cause.BODY_CHARSET);
    }

    @Test
    void keysSortedByAJsonLibrary() throws Exception {
        ObjectMapper sorting = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String sorted = sorting.writeValueAsString(new ObjectMapper().readValue(COMPACT, Map.class));
        assertThat(sorted).startsWith("{\"address\"");
        assertThat(body(sorted, COMPACT)).isEqualTo(Cause.BODY_KEY_ORDER);
    }

    @Test
    void signedInTheCallersOrderSentWithSortedKeys() {
        String signed = "{\"name\":\"ACME Corp\",\"city\":\"Paris\",\"country\":\"FR\",\"tags\":[\"a\",\"b\"]}";
        String sent = "{\"city\":\"Paris\",\"country\":\"FR\",\"name\":\"ACME Corp\",\"tags\":[\"a\",\"b\"]}";
        assertThat(body(signed, sent)).isEqualTo(Cause.BODY_KEY_ORDER);
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, sent.getBytes(UTF_8),
                jcaSign(KEY, TS, URL, signed.getBytes(UTF_8))));
        assertThat(finding.transformation()).isEqualTo("the body was sent with its keys in another order; it was signed "
                + "with its top-level keys in the order \"name\", \"city\", \"country\", \"tags\"");
    }

    @Test
    void anyOrderIsTriedForUpToEightTopLevelKeys() {
        String sent = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8}";
        String signed = "{\"g\":7,\"a\":1,\"h\":8,\"c\":3,\"d\":4,\"b\":2,\"e\":5,\"f\":6}";
        assertThat(body(signed, sent)).isEqualTo(Cause.BODY_KEY_ORDER);
        assertThat(body(signed.replace(",\"f\":6", ""), sent.replace(",\"f\":6", ""))).isEqualTo(Cause.BODY_KEY_ORDER);
        String nine = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}";
        assertThat(body(nine.replace("{\"a\":1,\"b\":2", "{\"b\":2,\"a\":1"), nine.replace("\"c\":3,\"d\":4", "\"d\":4,\"c\":3")))
                .as("9 keys: 362,880 orders are not tried").isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void signedWithoutTheBody() {
        assertThat(body("", COMPACT)).isEqualTo(Cause.BODY_ABSENT);
    }

    @Test
    void query() {
        assertThat(url(URL + "/search", URL + "/search?query=acme")).isEqualTo(Cause.URL_QUERY);
        assertThat(url(URL + "/search?b=2&a=1", URL + "/search?a=1&b=2")).isEqualTo(Cause.URL_QUERY);
        assertThat(url(URL + "/search?a=1", URL + "/search?a=1&b=2")).isEqualTo(Cause.URL_QUERY);
    }

    @Test
    void host() {
        assertThat(url("https://api.qredo.network/api/v1/p/company", URL)).isEqualTo(Cause.URL_HOST);
        assertThat(url("https://127.0.0.1:8080/api/v1/p/company", URL)).isEqualTo(Cause.URL_HOST);
        assertThat(url("https://api.qredo.network:443/api/v1/p/assets", "https://api.qredo.network/api/v1/p/assets"))
                .isEqualTo(Cause.URL_HOST);
    }

    @Test
    void path() {
        assertThat(url(URL + "/", URL)).isEqualTo(Cause.URL_PATH);
        assertThat(url("/api/v1/p/company", URL)).isEqualTo(Cause.URL_PATH);
        assertThat(url("http://127.0.0.1:8080/company", URL)).isEqualTo(Cause.URL_PATH);
    }

    @Test
    void encoding() {
        assertThat(url(URL + "/search?query=a%20b", URL + "/search?query=a+b")).isEqualTo(Cause.URL_ENCODING);
        assertThat(url(URL + "/search?query=Zoë", URL + "/search?query=Zo%C3%AB")).isEqualTo(Cause.URL_ENCODING);
        assertThat(url(URL + "/search?query=Zo%c3%ab", URL + "/search?query=Zo%C3%AB")).isEqualTo(Cause.URL_ENCODING);
    }

    @Test
    void freshnessValue() {
        assertThat(cause("1699999900", URL, new byte[0], TS, URL, new byte[0])).isEqualTo(Cause.FRESHNESS_VALUE);
        assertThat(cause(TS, URL, new byte[0], "1700000000123", URL, new byte[0])).isEqualTo(Cause.FRESHNESS_VALUE);
        assertThat(cause("1700000000000", URL, new byte[0], TS, URL, new byte[0])).isEqualTo(Cause.FRESHNESS_VALUE);
        String xSign = jcaSign(KEY, "1700000090", URL, new byte[0]);
        assertThat(doctor.diagnose(new SentRequest("x-nonce", "42", URL, new byte[0], xSign)).cause())
                .isEqualTo(Cause.FRESHNESS_VALUE);
    }

    @Test
    void paddedOrStandardAlphabetSignature() {
        String good = jcaSign(KEY, TS, URL, new byte[0]);
        byte[] raw = Base64.getUrlDecoder().decode(good);
        for (String sent : new String[] {Base64.getUrlEncoder().encodeToString(raw), Base64.getEncoder().encodeToString(raw)}) {
            if (sent.equals(good)) {
                continue;
            }
            Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], sent));
            assertThat(finding.cause()).as(sent).isEqualTo(Cause.SIGNATURE_ENCODING);
        }
    }

    @Test
    void copySlipsAroundARightSignatureAreNamed() {
        String good = jcaSign(KEY, TS, URL, new byte[0]);
        String wrapped = good.substring(0, 100) + "\n" + good.substring(100);
        String[][] cases = {
            {good + " ", "sent with whitespace around it"},
            {"x-sign: " + good, "sent with the header name x-sign: in front"},
            {wrapped, "sent with line breaks or spaces inside"},
            {Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(good)),
                "the standard alphabet (+ and /)"},
        };
        for (String[] c : cases) {
            Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], c[0]));
            assertThat(finding.cause()).as(c[0]).isEqualTo(Cause.SIGNATURE_ENCODING);
            assertThat(finding.transformation()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void aSignatureCutShortOrNotBase64IsMalformedNotUnknown() {
        String good = jcaSign(KEY, TS, URL, new byte[0]);
        assertThat(good).hasSize(342);
        Finding cut = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], good.substring(0, 100)));
        assertThat(cut.cause()).isEqualTo(Cause.SIGNATURE_MALFORMED);
        assertThat(cut.transformation()).isEqualTo("x-sign has 100 base64url characters (75 bytes); this 2048-bit key's "
                + "signatures have 342 (256 bytes): it was cut short or joined with other text");
        Finding joined = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], good + "AAAA"));
        assertThat(joined.cause()).isEqualTo(Cause.SIGNATURE_MALFORMED);
        Finding star = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], "abc*def"));
        assertThat(star.transformation()).isEqualTo("x-sign has a character that is not base64url, '*', at position 4 "
                + "of its value");
        assertThat(doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], "")).cause())
                .isEqualTo(Cause.SIGNATURE_MALFORMED);
    }

    @Test
    void anotherKnownKey() {
        String xSign = jcaSign(OTHER, TS, URL, new byte[0]);
        assertThat(doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], xSign)).cause())
                .isEqualTo(Cause.WRONG_KEY);
    }

    @Test
    void noFalseCause() {
        String byUnrelatedKey = jcaSign(OTHER, TS, URL, new byte[0]);
        SignatureDoctor withoutOtherKey = SignatureDoctor.builder(PUBLIC).build();
        assertThat(withoutOtherKey.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], byUnrelatedKey)).cause())
                .isEqualTo(Cause.UNKNOWN);
        assertThat(body("{\"name\":\"Globex\"}", COMPACT)).isEqualTo(Cause.UNKNOWN);
        assertThat(doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], "not a signature!")).cause())
                .as("not base64url: the one thing that can be said of it").isEqualTo(Cause.SIGNATURE_MALFORMED);
    }

    @Test
    void reportNamesTheCauseTheFixAndTheFirstDifference() {
        String xSign = jcaSign(KEY, TS, URL, COMPACT.getBytes(UTF_8));
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, TWO_SPACES.getBytes(UTF_8), xSign));
        int bodyStart = (TS + URL).length();
        assertThat(finding.diff().offset()).isEqualTo(bodyStart + 1);
        assertThat(finding.diff().signed()).contains("{\"name\"");
        assertThat(finding.diff().sent()).contains("{[LF]  \"name\"");
        assertThat(finding.report()).startsWith("body-compacted: the body was sent pretty-printed with 2 spaces (JSON.stringify, "
                + "jq, Go, Python); it was signed compact\n")
                .contains("first difference at byte " + (bodyStart + 1));
    }

    private Finding find(String signedTs, String signedUrl, String signedBody, String header, String sentTs, String sentUrl,
            String sentBody) {
        return doctor.diagnose(new SentRequest(header, sentTs, sentUrl, sentBody.getBytes(UTF_8),
                jcaSign(KEY, signedTs, signedUrl, signedBody.getBytes(UTF_8))));
    }

    @Test
    void layoutIsClassifiedWithTheTrailingNewlineSetAside() {
        Finding jq = find(TS, URL, TWO_SPACES + "\n", "x-timestamp", TS, URL, COMPACT + "\n");
        assertThat(jq.cause()).as("jq . signed, jq -c sent").isEqualTo(Cause.BODY_PRETTIFIED);
        assertThat(jq.transformation()).isEqualTo("the body was sent compact; it was signed pretty-printed with 2 spaces "
                + "(JSON.stringify, jq, Go, Python)");
        assertThat(body(TWO_SPACES.replace("\n", "\r\n") + "\r\n", COMPACT)).isEqualTo(Cause.BODY_PRETTIFIED);
        assertThat(body("\uFEFF" + TWO_SPACES, COMPACT)).isEqualTo(Cause.BODY_PRETTIFIED);
    }

    @Test
    void newlinesRemovedByCurlData() {
        Finding finding = find(TS, URL, TWO_SPACES + "\n", "x-timestamp", TS, URL, TWO_SPACES.replace("\n", ""));
        assertThat(finding.cause()).isEqualTo(Cause.BODY_NEWLINES_REMOVED);
        assertThat(finding.explanation()).contains("--data-binary @file");
        assertThat(body(TWO_SPACES.replace("\n", "\r\n"), TWO_SPACES.replace("\n", ""))).isEqualTo(Cause.BODY_NEWLINES_REMOVED);
    }

    @Test
    void twoStepBodyChanges() {
        String sorted = "{\n  \"address\": {\n    \"city\": \"Paris\",\n    \"zip\": 75001\n  },\n  \"empty\": [],\n"
                + "  \"name\": \"ACME Corp\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ]\n}\n";
        Finding jqS = find(TS, URL, sorted, "x-timestamp", TS, URL, TWO_SPACES);
        assertThat(jqS.cause()).as("jq -S: sorted and a newline").isEqualTo(Cause.BODY_KEY_ORDER);
        assertThat(jqS.alsoCauses()).containsExactly(Cause.BODY_TRAILING_NEWLINE);
        String goStruct = "{\"name\":\"ACME\",\"address\":{\"city\":\"Paris\",\"zip\":\"1\"}}";
        assertThat(body(goStruct, "{\"name\":\"ACME\",\"address\":{\"zip\":\"1\",\"city\":\"Paris\"}}"))
                .as("Go struct holding a map").isEqualTo(Cause.BODY_KEY_ORDER);
        assertThat(body(TWO_SPACES.replace("\n", "\r\n") + "\r\n", TWO_SPACES)).as("CRLF file, then stripped")
                .isEqualTo(Cause.BODY_LINE_ENDINGS);
    }

    @Test
    void goHtmlEscapingNamesSetEscapeHtml() {
        Finding finding = find(TS, URL, "{\"q\":\"a\\u003cb\\u0026c\"}", "x-timestamp", TS, URL, "{\"q\":\"a<b&c\"}");
        assertThat(finding.cause()).isEqualTo(Cause.BODY_UNICODE_ESCAPES);
        assertThat(finding.explanation()).contains("SetEscapeHTML(false)");
    }

    @Test
    void utf16SentIsACharsetCauseThatSaysSendUtf8() {
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, ("\uFEFF" + COMPACT + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE), jcaSign(KEY, TS, URL, COMPACT.getBytes(UTF_8))));
        assertThat(finding.cause()).isEqualTo(Cause.BODY_CHARSET);
        assertThat(finding.explanation()).contains("send the same UTF-8 bytes");
    }

    @Test
    void queryEncodedByAWholeLibrary() {
        assertThat(url(URL + "/search?q=a%20%28b%29%20~", URL + "/search?q=a+%28b%29+%7E")).as("URLSearchParams sent")
                .isEqualTo(Cause.URL_ENCODING);
        Finding go = doctor.diagnose(new SentRequest("x-timestamp", TS, URL + "/search?b=x+y&a=1", new byte[0],
                jcaSign(KEY, TS, URL + "/search?a=1&b=x+y", new byte[0])));
        assertThat(go.cause()).isEqualTo(Cause.URL_QUERY);
        assertThat(go.explanation()).contains("url.Values.Encode() sorts");
    }

    @Test
    void cheapUrlCandidates() {
        assertThat(url("https://API.QREDO.NETWORK/api/v1/p/assets", "https://api.qredo.network/api/v1/p/assets"))
                .isEqualTo(Cause.URL_HOST);
        assertThat(url("http://127.0.0.1:8080/api/v1/p//company", URL)).isEqualTo(Cause.URL_PATH);
        assertThat(url("http://127.0.0.1:8080/api/v1/p/company", "http://127.0.0.1:8080/api/v1/p//company"))
                .isEqualTo(Cause.URL_PATH);
        assertThat(url(URL + "?", URL)).isEqualTo(Cause.URL_QUERY);
        assertThat(url(URL, URL + "?")).isEqualTo(Cause.URL_QUERY);
    }

    @Test
    void cheapFreshnessCandidates() {
        assertThat(cause("1700000000457", URL, new byte[0], TS, URL, new byte[0])).as("Date.now() signed")
                .isEqualTo(Cause.FRESHNESS_VALUE);
        for (String signed : new String[] {"39", "45", "41"}) {
            String xSign = jcaSign(KEY, signed, URL, new byte[0]);
            assertThat(doctor.diagnose(new SentRequest("x-nonce", "42", URL, new byte[0], xSign)).cause()).as(signed)
                    .isEqualTo(Cause.FRESHNESS_VALUE);
        }
        String xSign = jcaSign(KEY, "38", URL, new byte[0]);
        assertThat(doctor.diagnose(new SentRequest("x-nonce", "42", URL, new byte[0], xSign)).cause()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void anotherRsaSizeIsWrongKeyNotCutShort() {
        PrivateKey rsa3072 = PemKeys.readPrivateKey(TestData.file("keys/rsa-3072-private.pem"), null);
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0],
                jcaSign(rsa3072, TS, URL, new byte[0])));
        assertThat(finding.cause()).isEqualTo(Cause.WRONG_KEY);
        assertThat(finding.transformation()).isEqualTo("x-sign was signed with a 3072-bit key (384 bytes); this public key "
                + "is 2048-bit (256 bytes)");
        SignatureDoctor for3072 = SignatureDoctor.builder(io.github.partnerapi.harness.signing.KeyFiles.publicKeyOf(rsa3072).orElseThrow())
                .build();
        Finding cut = for3072.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0],
                jcaSign(rsa3072, TS, URL, new byte[0]).substring(0, 400)));
        assertThat(cut.cause()).isEqualTo(Cause.SIGNATURE_MALFORMED);
        assertThat(cut.transformation()).contains("x-sign has 400 base64url characters", "this 3072-bit key's signatures "
                + "have 512 (384 bytes)");
        assertThat(Cause.SIGNATURE_MALFORMED.advice()).doesNotContain("342");
    }

    @Test
    void hexSignatures() throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(jcaSign(KEY, TS, URL, new byte[0]));
        String hex = java.util.HexFormat.of().formatHex(raw);
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], hex));
        assertThat(finding.cause()).isEqualTo(Cause.SIGNATURE_ENCODING);
        assertThat(finding.transformation()).contains("hex-encoded");
        Finding cut = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, new byte[0], hex.substring(0, 300)));
        assertThat(cut.cause()).isEqualTo(Cause.SIGNATURE_MALFORMED);
        assertThat(cut.transformation()).contains("hex-encoded (300 hex digits, 150 bytes)");
    }

    @Test
    void aBodyLayoutAndAnXSignSlipAreBothReported() {
        String padded = jcaSign(KEY, TS, URL, COMPACT.getBytes(UTF_8)) + "==";
        Finding finding = doctor.diagnose(new SentRequest("x-timestamp", TS, URL, TWO_SPACES.getBytes(UTF_8), padded));
        assertThat(finding.causes()).containsExactly(Cause.BODY_COMPACTED, Cause.SIGNATURE_ENCODING);
        assertThat(finding.report()).startsWith("body-compacted + signature-encoding: the body was sent pretty-printed")
                .contains("x-sign was also sent with = padding");
    }

    @Test
    void windowsEchoFileSentWithCurlData() {
        assertThat(body(COMPACT + " \r\n", COMPACT + " ")).as("echo {...} > body.json, then curl -d @body.json")
                .isEqualTo(Cause.BODY_TRAILING_NEWLINE);
    }

    @Test
    void windowsPowerShellConvertToJsonLayout() {
        String powerShell = "{\r\n    \"name\":  \"ACME\",\r\n    \"n\":  1\r\n}";
        assertThat(body(powerShell, "{\"name\":\"ACME\",\"n\":1}")).isEqualTo(Cause.BODY_PRETTIFIED);
    }
}
