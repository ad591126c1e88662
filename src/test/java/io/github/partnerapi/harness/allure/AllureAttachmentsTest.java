package io.github.partnerapi.harness.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.catalogue.CaseResult;
import io.github.partnerapi.harness.catalogue.CaseResult.Exchange;
import io.github.partnerapi.harness.catalogue.CaseResult.Verdict;
import io.github.partnerapi.harness.signing.VisibleBytes;
import io.github.partnerapi.harness.testing.AllureMemory;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Allure's lifecycle is global: this test swaps in one that writes to memory, so it runs alone. */
@Isolated
class AllureAttachmentsTest {

    private static TestResult recordCase(AllureMemory writer, CaseResult result) {
        AllureLifecycle original = Allure.getLifecycle();
        AllureLifecycle memory = new AllureLifecycle(writer);
        Allure.setLifecycle(memory);
        String uuid = UUID.randomUUID().toString();
        try {
            memory.scheduleTestCase(new TestResult().setUuid(uuid).setName("case"));
            memory.startTestCase(uuid);
            AllureAttachments.caseResult(result);
            memory.stopTestCase(uuid);
            memory.writeTestCase(uuid);
        } finally {
            Allure.setLifecycle(original);
        }
        assertThat(writer.results).hasSize(1);
        return writer.results.get(0);
    }

    private static CaseResult crlfCase(byte[] body, String response) {
        byte[] stringToSign = ("1700000000http://127.0.0.1/api/v1/p/company" + new String(body, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        Exchange exchange = new Exchange("POST", "http://127.0.0.1/api/v1/p/company", stringToSign, body,
                Map.of("x-api-key", "bXlB… (36 chars)"), 401, response);
        return new CaseResult("crlf-sent", "Signed with LF line endings, sent with CRLF", "stub", "401 signature",
                "401 signature", Verdict.PASSED, "", exchange, null);
    }

    @Test
    void aCaseCarriesItsDescriptionAndAJsonBodyIsAttachedAsJson() {
        AllureMemory writer = new AllureMemory();
        TestResult test = recordCase(writer, crlfCase("{\r\n\t\"name\": \"ACME\"\r\n}".getBytes(StandardCharsets.UTF_8),
                "{\"code\":401,\"msg\":\"errPartnerAuth\",\"detail\":{\"reason\":\"signature\"}}"));

        assertThat(test.getDescription()).isEqualTo("Signed with LF line endings, sent with CRLF");
        Map<String, Attachment> byName = test.getAttachments().stream()
                .collect(Collectors.toMap(Attachment::getName, a -> a));
        assertThat(byName.get("body bytes sent").getType()).isEqualTo("application/json");
        assertThat(writer.files.get(byName.get("body bytes sent").getSource()))
                .isEqualTo("{\r\n\t\"name\": \"ACME\"\r\n}".getBytes(StandardCharsets.UTF_8));
        assertThat(byName.get("response 401").getType()).isEqualTo("application/json");
        Attachment signed = test.getAttachments().stream().filter(a -> a.getName().startsWith("string-to-sign")).findFirst()
                .orElseThrow();
        assertThat(new String(writer.files.get(signed.getSource()), StandardCharsets.UTF_8))
                .startsWith(VisibleBytes.LEGEND + "\n\n").contains("{[CR][LF]\n[TAB]\"name\"");
    }

    @Test
    void textIsAttachedAsTextAndBytesThatAreNotUtf8AsBinary() {
        assertThat(AllureAttachments.Kind.of("name=ACME&city=Paris".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AllureAttachments.Kind.TEXT);
        assertThat(AllureAttachments.Kind.of("{\"unclosed\": ".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AllureAttachments.Kind.TEXT);
        assertThat(AllureAttachments.Kind.of("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AllureAttachments.Kind.TEXT);
        assertThat(AllureAttachments.Kind.of(new byte[] {'{', (byte) 0xe9, '}'})).isEqualTo(AllureAttachments.Kind.BINARY);
        assertThat(AllureAttachments.Kind.of(" [1, 2]\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(AllureAttachments.Kind.JSON);
    }
}
