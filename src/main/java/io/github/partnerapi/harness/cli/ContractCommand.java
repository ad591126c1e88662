package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.restassured.OpenApiContract;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code contract}: every operation of the OpenAPI description, signed, each answer checked against it. */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = {"Drives every operation of the Partner API's OpenAPI description, signed:",
            "creates, then reads, updates and deletes, with the ids the answers gave.",
            "Against the embedded stub, or --base-uri. Checks each answer against it.",
            "Prints one row per operation (METHOD, path, status, verdict), then",
            "'N passed, M failed[, K skipped]'. Exit 0 when none failed."})
final class ContractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--base-uri", paramLabel = "URL",
            description = "A Partner API base URI (a sandbox's) to drive instead of the embedded stub.")
    String baseUri;

    @Option(names = "--api-key-file", paramLabel = "F", description = "The API key for --base-uri.")
    Path apiKeyFile;

    @Mixin
    KeyOptions keyOptions;

    @Override
    public Integer call() {
        List<ApiOperation> operations = ApiDescription.operations(OpenApiContract.partnerApiText());
        OpenApiContract contract = OpenApiContract.partnerApi();
        if (baseUri == null) {
            StubCredentials credentials = StubCredentials.generate();
            try (VerifierStub stub = VerifierStub.builder()
                    .apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic()).mode(StubMode.STRICT).build()) {
                PartnerApiSigningFilter signing = PartnerApiSigningFilter.builder().apiKey(credentials.apiKey())
                        .privateKey(credentials.keyPair().getPrivate()).build();
                return drive(operations, new SignedTarget(stub.baseUri(), signing, contract));
            }
        }
        if (apiKeyFile == null) {
            throw new ParameterException(spec.commandLine(), "--base-uri needs --api-key-file (and --key, default private.pem)");
        }
        PartnerApiSigningFilter signing = PartnerApiSigningFilter.builder().apiKey(ApiKey.fromFile(apiKeyFile))
                .privateKey(keyOptions.privateKey()).build();
        return drive(operations, new SignedTarget(baseUri.replaceAll("/+$", ""), signing, contract));
    }

    private int drive(List<ApiOperation> operations, SignedTarget target) {
        PrintWriter out = spec.commandLine().getOut();
        int pathWidth = operations.stream().mapToInt(op -> op.template().length()).max().orElse(4);
        String format = "%-6s  %-" + pathWidth + "s  %-6s  %s%n";
        int[] counts = new int[ContractDriver.Verdict.values().length];
        new ContractDriver(operations, target).run(row -> {
            if (Arrays.stream(counts).sum() == 0) {
                out.printf(format, "METHOD", "path", "status", "verdict");   // after the first answer: none if unreachable
            }
            counts[row.verdict().ordinal()]++;
            String verdict = row.verdict().name().toLowerCase(Locale.ROOT) + (row.reason().isEmpty() ? "" : ": " + row.reason());
            out.printf(format, row.operation().method(), row.operation().template(),
                    row.status() == 0 ? "-" : Integer.toString(row.status()), verdict);
            row.details().forEach(detail -> out.println("        " + detail));
            out.flush();
        });
        int failed = counts[ContractDriver.Verdict.FAILED.ordinal()];
        int skipped = counts[ContractDriver.Verdict.SKIPPED.ordinal()];
        out.println(counts[ContractDriver.Verdict.PASSED.ordinal()] + " passed, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        out.flush();
        return failed > 0 ? 1 : 0;
    }
}
