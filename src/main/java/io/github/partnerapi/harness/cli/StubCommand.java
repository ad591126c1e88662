package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.stub.VerifierStubBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stub}: runs the verifier stub until SIGINT or SIGTERM. */
@Command(name = "stub", mixinStandardHelpOptions = true,
        description = {"Runs the verifier stub: authenticates like the Partner API and serves all of it (52 operations) in memory.",
            "Without keys it generates an API key and a key pair into a folder and prints a ready sign command."})
final class StubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P", description = "Port (default: a free one).")
    int port;

    @Option(names = "--api-key", paramLabel = "K", description = "The API key to accept.")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "F", description = "File holding the API key to accept.")
    Path apiKeyFile;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Public key (PEM, or an OpenSSH ssh-rsa line) that verifies that key's signatures.")
    Path publicKey;

    @Option(names = "--mode", defaultValue = "strict", paramLabel = "MODE", description = "strict (default) or sandbox.")
    String mode;

    @Option(names = "--timestamp-window", defaultValue = "300", paramLabel = "SECONDS",
            description = "Accepted x-timestamp distance from now (default: ${DEFAULT-VALUE}).")
    long window;

    @Option(names = "--signed-base-url", paramLabel = "URL",
            description = "Verify against this scheme://host instead of http://<Host header>.")
    String signedBaseUrl;

    @Option(names = "--threads", paramLabel = "N", description = "Request threads (default: 4 per processor, at least 8).")
    Integer threads;

    @Option(names = "--max-companies", paramLabel = "N",
            description = "Companies kept in memory before the oldest is evicted (default: 10000).")
    Integer maxCompanies;

    @Option(names = "--initial-balance", paramLabel = "N",
            description = "What every new wallet starts with, in the asset's smallest unit (default: 100000000).")
    Long initialBalance;

    @Option(names = "--store-bytes", paramLabel = "SIZE",
            description = "Estimated heap for all companies and what they hold, e.g. 48m (default); beyond it the "
                    + "oldest companies are evicted.")
    String storeBytes;

    @Option(names = "--company-bytes", paramLabel = "SIZE",
            description = "Estimated heap one company may hold, e.g. 4m (default); a write beyond it is a 400.")
    String companyBytes;

    @Option(names = "--search-index-bytes", paramLabel = "SIZE",
            description = "Estimated heap of the company-name search index, e.g. 24m (default).")
    String indexBytes;

    @Option(names = "--explain", description = "Explain signature failures in the 401 body.")
    boolean explain;

    @Option(names = "--credentials-dir", paramLabel = "DIR",
            description = "Where generated credentials go (default: a new temporary folder).")
    Path credentialsDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerifierStubBuilder builder = configure();
        Path generated = null;
        if (apiKey == null && apiKeyFile == null) {
            StubCredentials credentials = StubCredentials.generate();
            generated = credentialsDir != null ? credentialsDir : Files.createTempDirectory("partnerapi-stub-");
            credentials.writeTo(generated);
            builder.apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try (VerifierStub stub = builder.build()) {
            if (generated != null) {
                printGenerated(out, generated, stub);
            }
            out.println("Swagger UI: " + stub.rootUri() + "/docs (OpenAPI description: " + stub.baseUri() + "/openapi.json)");
            out.println("listening on " + stub.baseUri());
            out.flush();
            stop.await();
            spec.commandLine().getErr().println("stopped");
        }
        return 0;
    }

    private VerifierStubBuilder configure() {
        VerifierStubBuilder builder = VerifierStub.builder().port(port).timestampWindow(Duration.ofSeconds(window))
                .explain(explain).signedBaseUrl(signedBaseUrl);
        option("--mode", () -> builder.mode(StubMode.parse(mode)));
        if (threads != null) {
            option("--threads", () -> builder.threads(threads));
        }
        if (maxCompanies != null) {
            option("--max-companies", () -> builder.maxCompanies(maxCompanies));
        }
        if (initialBalance != null) {
            option("--initial-balance", () -> builder.initialWalletBalance(initialBalance));
        }
        if (storeBytes != null) {
            option("--store-bytes", () -> builder.storeBytes(bytes(storeBytes)));
        }
        if (companyBytes != null) {
            option("--company-bytes", () -> builder.companyBytes(bytes(companyBytes)));
        }
        if (indexBytes != null) {
            option("--search-index-bytes", () -> builder.searchIndexBytes(bytes(indexBytes)));
        }
        if (apiKey != null && apiKeyFile != null) {
            throw new ParameterException(spec.commandLine(), "give --api-key or --api-key-file, not both");
        }
        boolean keyGiven = apiKey != null || apiKeyFile != null;
        if (keyGiven != (publicKey != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--public-key goes with --api-key or --api-key-file: give both, or neither to generate them");
        }
        if (keyGiven) {
            ApiKey key = apiKey != null ? ApiKey.of(apiKey) : ApiKey.fromFile(apiKeyFile);
            builder.apiKey(key.value(), PemKeys.readPublicKey(publicKey));
        }
        return builder;
    }

    /** A size in bytes: digits, optionally followed by k or m (KiB, MiB). */
    static long bytes(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,12})\\s*([kKmM]?)(i?[bB])?").matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a size in bytes was expected, like 65536, 64k or 48m; got '" + size + "'");
        }
        long unit = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    private void option(String name, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), name + ": " + e.getMessage());
        }
    }

    private static void printGenerated(PrintWriter out, Path dir, VerifierStub stub) throws IOException {
        out.println("generated credentials in " + dir + ": apikey, private.pem, public.pem");
        out.println("sign a request for it with:");
        out.println("  java -jar " + JarLocation.path() + " sign --key " + dir.resolve("private.pem")
                + " --url " + stub.baseUri() + "/assets");
        out.println("or send one with:");
        out.println("  java -jar " + JarLocation.path() + " sign --key " + dir.resolve("private.pem")
                + " --api-key-file " + dir.resolve("apikey") + " --format curl --url " + stub.baseUri()
                + "/company/search?query=acme </dev/null | sh");
    }
}
