package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.github.partnerapi.harness.stub.VerifierStubBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    AcceptedKeyOptions keys;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Public key (PEM, or an OpenSSH ssh-rsa line) that verifies that key's signatures.")
    Path publicKey;

    @Option(names = "--mode", defaultValue = "strict", paramLabel = "MODE", description = "strict (default) or sandbox.")
    String mode;

    @Option(names = "--timestamp-window", defaultValue = "300", paramLabel = "SECONDS",
            description = "Accepted x-timestamp distance from now (default: ${DEFAULT-VALUE}).")
    long window;

    @Option(names = "--signed-base-url", paramLabel = "URL",
            description = {"Verify signatures against this scheme://host", "instead of http://<Host header>."})
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
            description = {"Folder of the stub's credentials (default: a new temporary folder): the apikey, "
                + "private.pem and public.pem already there are reused, only missing ones are created.",
                "The folder must be mode 700 (a new one is created so); apikey and private.pem are written 600."})
    Path credentialsDir;

    @Option(names = "--body-limit", paramLabel = "BYTES",
            description = "Largest request body accepted; larger ones get 413 (default: 10485760, 10 MiB).")
    Long bodyLimit;

    @Option(names = "--journal-bytes", paramLabel = "BYTES",
            description = "Byte budget of the request journal at /__stub/requests (default: 2097152, 2 MiB); "
                + "bodies are kept there up to 4 KiB.")
    Long journalBytes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VerifierStubBuilder builder = configure();
        CredentialsFolder folder = null;
        if (!keys.given()) {
            folder = CredentialsFolder.open(credentialsDir != null ? credentialsDir
                    : Files.createTempDirectory("partnerapi-stub-"));
            builder.apiKey(folder.apiKey().value(), folder.publicKey());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try (VerifierStub stub = builder.build()) {
            if (folder != null) {
                printCredentials(out, folder, stub);
            }
            out.println("Swagger UI: " + stub.rootUri() + "/docs (OpenAPI description: " + stub.baseUri() + "/openapi.json)");
            out.println("mode: " + describe(StubMode.parse(mode)));
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
            if (maxCompanies < 1) {
                throw new ParameterException(spec.commandLine(), "--max-companies must be at least 1, got " + maxCompanies);
            }
            builder.maxCompanies(maxCompanies);
        }
        if (bodyLimit != null) {
            option("--body-limit", () -> builder.bodyLimit(bodyLimit));
        }
        if (journalBytes != null) {
            option("--journal-bytes", () -> builder.journalBytes(journalBytes));
        }
        if (credentialsDir != null && keys.given()) {
            throw new ParameterException(spec.commandLine(),
                    "--credentials-dir is where the stub keeps its own credentials; give it or --api-key, not both");
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
        if (keys.both()) {
            throw new ParameterException(spec.commandLine(), "give --api-key or --api-key-file, not both");
        }
        if (keys.given() != (publicKey != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--public-key goes with --api-key or --api-key-file: give both, or neither to generate them");
        }
        if (keys.given()) {
            builder.apiKey(keys.read().value(), PemKeys.readPublicKey(publicKey));
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

    private void option(String name, Runnable setting) {
        AcceptedKeyOptions.apply(spec, name, setting);
    }

    private String describe(StubMode stubMode) {
        String checks = stubMode == StubMode.STRICT
                ? "strict: API key, x-timestamp or x-nonce, and x-sign checked, like the Partner API"
                : "sandbox: API key checked, x-sign not, like the public sandbox";
        return checks + (explain ? "; 401 bodies explain signature failures" : "");
    }

    private static void printCredentials(PrintWriter out, CredentialsFolder folder, VerifierStub stub) {
        Path dir = folder.dir();
        out.println(folder.summary());
        if (!folder.hasPrivateKey()) {
            out.println("no private.pem in " + dir + ": sign with the private key that matches its public.pem");
            return;
        }
        out.println("sign a request for it with:");
        out.println("  " + Shell.words(signCommand(dir, stub.baseUri() + "/assets")));
        out.println("or send one with:");
        out.println("  " + Shell.words(sendCommand(dir, stub.baseUri())) + " </dev/null | sh");
    }

    static String[] signCommand(Path dir, String url) {
        return new String[] {"java", "-jar", JarLocation.path(), "sign", "--key", dir.resolve("private.pem").toString(),
            "--url", url};
    }

    static String[] sendCommand(Path dir, String baseUri) {
        return new String[] {"java", "-jar", JarLocation.path(), "sign", "--key", dir.resolve("private.pem").toString(),
            "--api-key-file", dir.resolve("apikey").toString(), "--format", "curl", "--url",
            baseUri + "/company/search?query=acme"};
    }
}
