package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.stub.ApiDescription.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The stub's request check, which hands the validator the operation the stub routed to and the
 * parsed body, against the library's whole validator (its own path search and media-type handling)
 * as the oracle: the same verdict and reason for good and bad requests to every operation.
 */
class RequestCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator WHOLE = OpenApiInteractionValidator
            .createForInlineApiSpecification(ApiDescription.get().withoutHeaders())
            .withLevelResolver(ApiDescription.levels()).build();

    private record Probe(Map<String, List<String>> query, JsonNode body) {
    }

    @TestFactory
    Stream<DynamicTest> everyOperationGetsTheVerdictOfTheLibrarysWholeValidator() throws Exception {
        RequestCheck check = ApiDescription.get().check();
        return ApiDescription.get().operations().stream().map(op -> DynamicTest.dynamicTest(op.method() + " "
                + op.template(), () -> {
                    String path = StubHandler.API_BASE + op.template().replaceAll("\\{[^}]+}", "x1");
                    for (Probe probe : probes(op)) {
                        assertThat(check.problem(op, path, probe.query(), probe.body()))
                                .as("%s %s %s", op.method(), probe.query(), probe.body())
                                .isEqualTo(whole(op.method(), path, probe.query(), probe.body()));
                    }
                }));
    }

    @Test
    void theExamplesFitAndBadRequestsAreNamed() throws Exception {
        RequestCheck check = ApiDescription.get().check();
        Operation create = operation("POST", "/company");
        String path = StubHandler.API_BASE + "/company";
        assertThat(check.problem(create, path, Map.of(), JSON.readTree("{\"name\":\"Acme\"}"))).isEmpty();
        assertThat(check.problem(create, path, Map.of(), JSON.readTree("{\"name\":5}")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("body field '/name'", "integer", "string"));
        assertThat(check.problem(create, path, Map.of(), null))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("body: ").contains("required"));
        Operation search = operation("GET", "/company/search");
        assertThat(check.problem(search, path + "/search", Map.of("query", List.of("q".repeat(300))), null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("query parameter 'query'", "256"));
        assertThatThrownBy(() -> check.problem(new Operation("GET", "/nowhere", "x"), path, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nowhere");
    }

    private static List<Probe> probes(Operation op) throws Exception {
        List<Probe> probes = new ArrayList<>();
        JsonNode example = ApiDescription.get().example(op);
        probes.add(new Probe(Map.of(), example == null || example.isMissingNode() ? null : example));
        probes.add(new Probe(Map.of("limit", List.of("abc"), "page", List.of("-1")), null));
        probes.add(new Probe(Map.of("query", List.of("q".repeat(300))), null));
        for (String body : List.of("{}", "{\"name\":123}", "[1]", "\"text\"", "{\"amount\":\"12\",\"threshold\":\"x\"}")) {
            probes.add(new Probe(Map.of(), JSON.readTree(body)));
        }
        return probes;
    }

    private static Optional<String> whole(String method, String path, Map<String, List<String>> query, JsonNode body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        query.forEach(request::withQueryParam);
        if (body != null) {
            request.withContentType("application/json").withBody(body.toString());
        }
        return WHOLE.validateRequest(request.build()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).findFirst().map(RequestCheck::reason);
    }

    private static Operation operation(String method, String template) {
        return ApiDescription.get().operations().stream()
                .filter(op -> op.method().equals(method) && op.template().equals(template)).findFirst().orElseThrow();
    }
}
