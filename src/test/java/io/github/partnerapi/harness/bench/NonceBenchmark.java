package io.github.partnerapi.harness.bench;

import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What nonce mode adds to a request: a lease (the JVM's lock, the nonce file's lock, one read and one
 * write) beside the signature every request costs anyway.
 * {@code mvn -B -Pbench test-compile -Djmh.args="NonceBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NonceBenchmark {

    NonceSequences nonces;
    RequestSigner signer;
    byte[] body = new byte[1024];

    @Setup
    public void setUp() throws IOException {
        System.setProperty(NonceSequences.DIR_PROPERTY, Files.createTempDirectory("nonce-bench").toString());
        nonces = NonceSequences.forApiKey("bm9uY2UtYmVuY2gta2V5");
        signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs8Key(), null));
    }

    @Benchmark
    public long nonceLease() {
        try (NonceSequences.Lease lease = nonces.lease()) {
            return lease.next();
        }
    }

    @Benchmark
    public String signature() {
        return signer.sign("1700000000000", "https://api.qredo.network/api/v1/p/company", body);
    }
}
