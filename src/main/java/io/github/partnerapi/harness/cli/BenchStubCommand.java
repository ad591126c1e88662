package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.CryptoProviders;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.StubMode;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench-stub}: a load on the verifier stub, strict versus sandbox. */
@Command(name = "bench-stub", mixinStandardHelpOptions = true,
        description = {"Loads an embedded verifier stub with signed GET /company/search and POST /company requests",
            "over keep-alive connections; reports requests/s, p50 and p99 latency and wrong verdicts (must be 0)."})
final class BenchStubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--connections", defaultValue = "64", paramLabel = "N", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S", description = "Seconds per mode (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "S",
            description = "Seconds of unmeasured load in each mode first, so neither is measured before the JIT "
                    + "has compiled its path (default: ${DEFAULT-VALUE}; 0: none).")
    int warmup;

    @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE", description = "strict, sandbox or both (default).")
    String mode;

    @Option(names = "--tamper-every", defaultValue = "10", paramLabel = "K",
            description = "Every K-th POST is tampered after signing and must get 401 in strict mode (0: none).")
    int tamperEvery;

    private static VerifierStub stub(StubCredentials credentials, String mode) throws Exception {
        return VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .mode(StubMode.parse(mode)).build();
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || connections > 1024 || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
            throw new ParameterException(spec.commandLine(),
                    "--connections must be 1..1024, --seconds 1..3600 and --warmup 0..600");
        }
        if (!mode.matches("strict|sandbox|both")) {
            throw new ParameterException(spec.commandLine(), "--mode must be strict, sandbox or both, got '" + mode + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("crypto provider: " + CryptoProviders.describe() + "; " + connections + " connections, "
                + seconds + " s per mode after " + warmup + " s of warm-up each; "
                + Runtime.getRuntime().availableProcessors() + " cores");
        StubCredentials credentials = StubCredentials.generate();
        String[] modes = mode.equals("both") ? new String[] {"sandbox", "strict"} : new String[] {mode};
        if (warmup > 0) {
            for (String m : modes) {
                try (VerifierStub stub = stub(credentials, m)) {
                    StubLoad.run(stub, credentials, m.equals("strict"), connections, warmup, tamperEvery);
                }
            }
        }
        Map<String, StubLoad.Result> results = new LinkedHashMap<>();
        for (String m : modes) {
            try (VerifierStub stub = stub(credentials, m)) {
                StubLoad.Result r = StubLoad.run(stub, credentials, m.equals("strict"), connections, seconds, tamperEvery);
                results.put(m, r);
                out.printf("%-8s %9d requests in %5.1f s = %8.0f req/s, p50 %6.2f ms, p99 %6.2f ms, wrong verdicts %d, "
                        + "connection errors %d, companies stored %d, journal %d, heap after GC %d MiB%n", m,
                        r.requests(), r.seconds(), r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
                        r.wrongVerdicts(), r.errors(), stub.companyCount(), stub.requests().size(), heapAfterGc());
                out.flush();
            }
        }
        if (results.size() == 2) {
            out.printf("strict / sandbox throughput: %.2f%n", results.get("strict").perSecond() / results.get("sandbox").perSecond());
        }
        return results.values().stream().anyMatch(r -> r.wrongVerdicts() > 0) ? 1 : 0;
    }
}
