package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.ApiDescription.Operation;
import io.github.partnerapi.harness.stub.ContractDriver.Exchange;
import io.github.partnerapi.harness.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every operation of the stub's description, in dependency order against a real stub, with the
 * description's own request examples: each answer is a 2xx that validates against the description.
 */
class StubContractIT {

    static final String KEY = "YXBpLXRlc3Qta2V5LTEyMzQ=";
    static VerifierStub stub;
    static StubClient client;

    @BeforeAll
    static void start() {
        stub = VerifierStub.builder().apiKey(KEY, PemKeys.readPublicKey(TestData.publicKey())).build();
        client = new StubClient(stub, KEY, RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null)));
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static Map<String, Operation> operations() {
        return ApiDescription.get().operations().stream().collect(Collectors.toMap(Operation::id, Function.identity()));
    }

    /** The validator's errors for an answer, one per line; empty when the answer fits. */
    static String violations(OpenApiInteractionValidator validator, Exchange exchange, String template) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.answer().status())
                .withContentType("application/json");
        if (!exchange.answer().json().isMissingNode()) {
            response.withBody(exchange.answer().json().toString());
        }
        ValidationReport report = validator.validateResponse(StubHandler.API_BASE + exchange.path(),
                Request.Method.valueOf(exchange.method()), response.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"));
    }

    @TestFactory
    @Execution(ExecutionMode.SAME_THREAD)
    Stream<DynamicTest> everyOperationAnswersA2xxThatFitsTheDescription() throws Exception {
        Map<String, Operation> operations = operations();
        assertThat(ContractDriver.ORDER).hasSize(52).containsExactlyInAnyOrderElementsOf(operations.keySet());
        ContractDriver driver = new ContractDriver(client);
        // the library's whole validator (its own path search), not the stub's request check
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(ApiDescription.get().json()).build();
        return ContractDriver.ORDER.stream().map(operations::get).map(op -> DynamicTest.dynamicTest(
                op.method() + " " + op.template() + " (" + op.id() + ")", () -> {
                    Exchange exchange = driver.send(op.id(), op.method(), op.template(), ApiDescription.get().example(op));
                    assertThat(exchange.answer().status()).as("%s %s %s -> %s", exchange.method(), exchange.path(),
                            exchange.body(), exchange.answer().json()).isBetween(200, 202);
                    assertThat(violations(validator, exchange, op.template())).as(exchange.answer().json().toString())
                            .isEmpty();
                }));
    }

    static List<String> names(Map<String, Operation> operations) {
        return List.copyOf(operations.keySet());
    }
}
