package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.ApiDescription.Operation;
import io.github.partnerapi.harness.stub.ContractDriver.Exchange;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check an independent probe makes, with the public description of the Partner API
 * ({@code testdata/reference/partner-api-swagger.yaml}): every operation driven with the public
 * description's own request examples, each answered with a status it documents, at least three
 * quarters with a 2xx, and every 2xx valid against it (extra properties tolerated).
 */
class PublicDescriptionProbeIT {

    static final Path PUBLIC = TestData.file("reference/partner-api-swagger.yaml");
    static final String KEY = "YXBpLXRlc3Qta2V5LTEyMzQ=";

    @Test
    void everyOperationOfThePublicDescriptionIsAnsweredAsItDocuments() throws Exception {
        JsonNode description = new ObjectMapper(new YAMLFactory()).readTree(PUBLIC.toFile());
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(PUBLIC.toUri().toString())
                .withLevelResolver(LevelResolver.create().withLevel(
                        "validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                .build();
        Map<String, Operation> operations = StubContractIT.operations();
        List<String> problems = new ArrayList<>();
        int successes = 0;
        try (VerifierStub stub = VerifierStub.builder().apiKey(KEY, PemKeys.readPublicKey(TestData.publicKey())).build()) {
            ContractDriver driver = new ContractDriver(new StubClient(stub, KEY,
                    RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null))));
            for (String id : ContractDriver.ORDER) {
                Operation op = operations.get(id);
                JsonNode publicOp = description.path("paths").path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
                assertThat(publicOp.isObject()).as("%s %s in the public description", op.method(), op.template()).isTrue();
                Exchange exchange = driver.send(id, op.method(), op.template(), publicExample(description, publicOp));
                int status = exchange.answer().status();
                String seen = op.method() + " " + exchange.path() + " " + exchange.body() + " -> " + status + " "
                        + exchange.answer().json();
                if (!publicOp.path("responses").has(String.valueOf(status))) {
                    problems.add("undocumented status: " + seen);
                } else if (status / 100 == 2) {
                    successes++;
                    String violations = StubContractIT.violations(validator, exchange, op.template());
                    if (!violations.isEmpty()) {
                        problems.add("invalid answer: " + seen + "\n  " + violations);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(successes).as("2xx answers of 52").isGreaterThanOrEqualTo(39);
    }

    /** The public description's request example: the schema's example, its first x-example, or {}. */
    static JsonNode publicExample(JsonNode description, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content").path("application/json");
        if (content.isMissingNode()) {
            return null;
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        if (examples.hasNext()) {
            return examples.next().path("value");
        }
        JsonNode schema = content.path("schema");
        if (schema.has("$ref")) {
            schema = description.at(schema.get("$ref").asText().substring(1));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        Iterator<JsonNode> extra = schema.path("x-examples").elements();
        return extra.hasNext() ? extra.next() : new ObjectMapper().createObjectNode();
    }
}
