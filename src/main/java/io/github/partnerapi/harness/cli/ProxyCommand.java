package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.VerifyingProxy;
import io.github.partnerapi.harness.stub.VerifyingProxyBuilder;
import java.io.PrintWriter;
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

/** {@code proxy}: strict verdicts in front of an upstream, until SIGINT or SIGTERM. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Runs a verifying proxy: authenticates every request exactly as the strict stub does, "
            + "forwards it unchanged to the upstream and adds the verdict as the response header x-partnerapi-verdict.",
            "The last requests and their verdicts are at GET /__proxy/requests."})
final class ProxyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--upstream", required = true, paramLabel = "URL",
            description = "Where requests go: scheme://host[:port], e.g. https://sandbox-api.qredo.network.")
    String upstream;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P", description = "Port (default: a free one).")
    int port;

    @Mixin
    AcceptedKeyOptions keys;

    @Option(names = "--public-key", required = true, paramLabel = "PEM",
            description = "Public key (PEM, or an OpenSSH ssh-rsa line) that verifies that key's signatures.")
    Path publicKey;

    @Option(names = "--enforce",
            description = "Answer a request that fails authentication with the stub's 401 instead of forwarding it.")
    boolean enforce;

    @Option(names = "--signed-base-url", paramLabel = "URL",
            description = {"Verify URLs against this base (scheme and host) instead of http and the Host header,",
                "for clients that sign the real host's URL."})
    String signedBaseUrl;

    @Option(names = "--timestamp-window", defaultValue = "300", paramLabel = "S",
            description = "Accepted x-timestamp distance from now, in seconds (default: ${DEFAULT-VALUE}).")
    long window;

    @Option(names = "--upstream-ca", paramLabel = "PEM",
            description = "A private CA's certificate to trust for an https upstream, besides the JVM's trust store.")
    Path upstreamCa;

    @Override
    public Integer call() throws Exception {
        VerifyingProxyBuilder builder = configure();
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        PrintWriter out = spec.commandLine().getOut();
        try (VerifyingProxy proxy = builder.build()) {
            out.println("verifying proxy in front of " + proxy.upstream() + (enforce
                    ? ": a request that fails authentication is answered 401 and not forwarded"
                    : ": every request is forwarded, its verdict in the response header x-partnerapi-verdict"));
            out.println("journal: " + proxy.rootUri() + "/__proxy/requests");
            out.println("listening on " + proxy.rootUri());
            out.flush();
            stop.await();
            spec.commandLine().getErr().println("stopped");
        }
        return 0;
    }

    private VerifyingProxyBuilder configure() {
        VerifyingProxyBuilder builder = VerifyingProxy.builder().enforce(enforce);
        option("--upstream", () -> builder.upstream(upstream));
        option("--port", () -> builder.port(port));
        option("--signed-base-url", () -> builder.signedBaseUrl(signedBaseUrl));
        option("--timestamp-window", () -> builder.timestampWindow(Duration.ofSeconds(window)));
        if (upstreamCa != null) {
            option("--upstream-ca", () -> builder.upstreamCa(upstreamCa));
        }
        if (!keys.given() || keys.both()) {
            throw new ParameterException(spec.commandLine(), "give --api-key or --api-key-file (one of them)");
        }
        builder.apiKey(keys.read().value(), PemKeys.readPublicKey(publicKey));
        return builder;
    }

    private void option(String name, Runnable setting) {
        AcceptedKeyOptions.apply(spec, name, setting);
    }
}
