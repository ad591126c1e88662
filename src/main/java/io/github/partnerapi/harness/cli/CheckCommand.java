package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.catalogue.CaseLoader;
import io.github.partnerapi.harness.catalogue.CaseResult;
import io.github.partnerapi.harness.catalogue.CatalogueCase;
import io.github.partnerapi.harness.catalogue.CatalogueRunner;
import io.github.partnerapi.harness.catalogue.CatalogueTarget;
import io.github.partnerapi.harness.catalogue.ResultTable;
import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: runs the gotcha catalogue against the embedded stub or any target. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs the gotcha catalogue: the ways to earn a 401 (and not to), each with its expected answer.",
            "By default against embedded stubs (strict and sandbox) with the catalogue bundled in the jar.",
            "Prints case, expected, got, verdict, then 'N passed, M failed[, K skipped]'; exit 0 when none failed."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cases", paramLabel = "DIR", description = "A folder of case folders (default: the bundled catalogue).")
    Path cases;

    @Option(names = "--base-uri", paramLabel = "URL",
            description = {"A Partner API base URI to check instead of the embedded stubs, for example",
                "https://sandbox-api.qredo.network/api/v1/p"})
    String baseUri;

    @Option(names = "--api-key-file", defaultValue = "apikey", paramLabel = "FILE",
            description = "File holding the API key, for --base-uri (default: ${DEFAULT-VALUE}).")
    Path apiKeyFile;

    @Mixin
    KeyOptions keyOptions;

    @Override
    public Integer call() {
        List<CatalogueCase> loaded = cases == null ? CaseLoader.bundled() : CaseLoader.load(cases);
        List<CaseResult> results;
        if (baseUri == null) {
            results = againstStubs(loaded);
        } else {
            Reachability.require(baseUri, "--base-uri");
            PrivateKey key = keyOptions.privateKey();
            CatalogueTarget target = new CatalogueTarget("remote", baseUri.replaceAll("/$", ""),
                    ApiKey.fromFile(apiKeyFile), key, KeyFiles.publicKeyOf(key).orElse(null), null);
            results = new CatalogueRunner(List.of(target), Clock.systemUTC()).run(loaded);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ResultTable.render(results));
        out.flush();
        return results.stream().anyMatch(r -> r.verdict() == CaseResult.Verdict.FAILED) ? 1 : 0;
    }

    private static List<CaseResult> againstStubs(List<CatalogueCase> loaded) {
        StubCredentials credentials = StubCredentials.generate();
        try (VerifierStub strict = stub(credentials, StubMode.STRICT); VerifierStub sandbox = stub(credentials, StubMode.SANDBOX)) {
            List<CatalogueTarget> targets = List.of(target("stub (strict)", strict, credentials, "strict"),
                    target("stub (sandbox)", sandbox, credentials, "sandbox"));
            return new CatalogueRunner(targets, Clock.systemUTC()).run(loaded);
        }
    }

    private static VerifierStub stub(StubCredentials credentials, StubMode mode) {
        return VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .mode(mode).build();
    }

    private static CatalogueTarget target(String name, VerifierStub stub, StubCredentials credentials, String mode) {
        return new CatalogueTarget(name, stub.baseUri(), credentials.apiKey(), credentials.keyPair().getPrivate(),
                credentials.keyPair().getPublic(), mode);
    }
}
