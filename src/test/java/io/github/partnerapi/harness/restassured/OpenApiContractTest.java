package io.github.partnerapi.harness.restassured;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the contract check counts, on the bundled Partner API description, without a server. */
class OpenApiContractTest {

    private static final Map<String, List<String>> SIGNED = Map.of("x-api-key", List.of("a2V5"),
            "x-timestamp", List.of("1700000000"), "x-sign", List.of("c2ln"), "Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private static ContractCheck check(String method, String url, String body, int status, String answer) {
        return OpenApiContract.partnerApi().check("/api/v1/p", new OpenApiContract.Exchange(method, URI.create(url),
                SIGNED, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, JSON,
                answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFittingExchangeHasNoViolationsAndExtraAnswerPropertiesAreTolerated() {
        ContractCheck check = check("POST", "http://h/api/v1/p/company", "{\"name\":\"ACME\"}", 200,
                "{\"company_id\":\"1c\",\"ref\":\"r\",\"added_in_a_later_version\":true}");
        assertThat(check.valid()).as(check.violations().toString()).isTrue();
        assertThat(check.path()).isEqualTo("/company");
    }

    @Test
    void aRequestThatBreaksTheDescriptionCountsWhenTheTargetAcceptedIt() {
        ContractCheck accepted = check("POST", "http://h/api/v1/p/company", "{\"city\":\"Paris\"}", 200,
                "{\"company_id\":\"1c\",\"ref\":\"r\"}");
        assertThat(accepted.violations()).singleElement().satisfies(v -> {
            assertThat(v.side()).isEqualTo("request");
            assertThat(v.key()).isEqualTo("validation.request.body.schema.required");
            assertThat(v.message()).contains("name");
        });
    }

    @Test
    void aRefusedRequestIsNotCountedButTheRefusalsShapeIs() {
        assertThat(check("POST", "http://h/api/v1/p/company", "{\"city\":\"Paris\"}", 400,
                "{\"code\":400,\"msg\":\"errBadRequest\",\"detail\":{\"reason\":\"name\"}}").valid()).isTrue();
        ContractCheck refused = check("POST", "http://h/api/v1/p/company", "{\"city\":\"Paris\"}", 400,
                "{\"code\":\"400\"}");
        assertThat(refused.violations()).extracting(ContractViolation::side).containsOnly("response");
        assertThat(refused.violations()).extracting(ContractViolation::message).anySatisfy(m -> assertThat(m).contains("msg"));
    }

    @Test
    void theQueryStringIsReadFromTheUrlAsSent() {
        ContractCheck check = check("GET", "http://h/api/v1/p/wallet/1w/max?tx_type=teleport", null, 200,
                "{\"netAmount\":1,\"amountToSend\":1,\"fees\":0}");
        assertThat(check.violations()).extracting(ContractViolation::key)
                .contains("validation.request.parameter.schema.enum");
        assertThat(check.path()).isEqualTo("/wallet/1w/max?tx_type=teleport");
    }

    @Test
    void anUndocumentedStatusIsAViolation() {
        ContractCheck check = check("GET", "http://h/api/v1/p/assets", null, 500, "{\"code\":500,\"msg\":\"boom\"}");
        assertThat(check.violations()).extracting(ContractViolation::key).containsExactly("validation.response.status.unknown");
        assertThat(check.violations().get(0).toString()).startsWith("GET /assets -> 500: response: ");
    }
}
