package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.SignatureVerifier;
import io.github.partnerapi.harness.testing.TestData;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time strict mode adds to a request, without a server: {@link Authenticator#authenticate} in strict
 * and sandbox mode, alternately, measured as this thread's CPU time (steady on a shared machine, unlike
 * wall time). Compare its strict figure with {@code 1e6 / (openssl speed rsa2048 verify/s)}.
 *
 * <pre>{@code
 * mvn -B -Pbench test-compile -Dbench.main=io.github.partnerapi.harness.stub.AuthenticatorCpuCost -Dbench.args="20000 3"
 * }</pre>
 */
public final class AuthenticatorCpuCost {

    private AuthenticatorCpuCost() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String url = "https://api.qredo.network/api/v1/p/company/search?query=x";
        String ts = Long.toString(Instant.now().getEpochSecond());
        String xSign = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null)).sign(ts, url, new byte[0]);
        Map<String, String> headers = Map.of("x-api-key", "k", "x-timestamp", ts, "x-sign", xSign);
        Authenticator.Received request = new Authenticator.Received(headers::get, url,
                url.getBytes(StandardCharsets.UTF_8), new byte[0]);
        Map<String, SignatureVerifier> keys = Map.of("k", SignatureVerifier.of(PemKeys.readPublicKey(TestData.publicKey())));
        AtomicLong verdicts = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (StubMode mode : StubMode.values()) {
                Authenticator authenticator = new Authenticator(keys, mode, Duration.ofSeconds(300), Clock.systemUTC(),
                        null, verdicts::incrementAndGet);
                for (int i = 0; i < calls; i++) {
                    authenticator.authenticate(request); // warm-up
                }
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    if (!authenticator.authenticate(request).accepted()) {
                        throw new IllegalStateException("not accepted: the measurement would be of a rejection");
                    }
                }
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
                System.out.printf("round %d %-7s %6.1f us CPU per authenticate%n", round, mode, micros);
            }
        }
    }
}
