package io.github.partnerapi.harness.bench;

import io.github.partnerapi.harness.signing.CryptoProviders;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.StringToSign;
import io.github.partnerapi.harness.testing.TestData;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Our signer versus a bare JCA Signature of the same provider, on the same key and payload: one
 * created and initialised per call, and one initialised once and reused (the best bare JCA can do).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignerBenchmark {

    static final String URL = "https://api.qredo.network/api/v1/p/company";

    @Param({"1024", "1048576"})
    int bodyBytes;

    byte[] body;
    PrivateKey key;
    RequestSigner signer;

    Signature reused;

    @Setup
    public void setUp() throws Exception {
        body = new byte[bodyBytes];
        new Random(1).nextBytes(body);
        key = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
        signer = RequestSigner.of(key);
        reused = newSignature();
        reused.initSign(key);
    }

    private static Signature newSignature() throws Exception {
        return CryptoProviders.selected() == null ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", CryptoProviders.selected());
    }

    @Benchmark
    public String signer() {
        return signer.sign("1700000000", URL, body);
    }

    @Benchmark
    public byte[] bareJca() throws Exception {
        Signature signature = newSignature();
        signature.initSign(key);
        signature.update(StringToSign.of("1700000000", URL, body));
        return signature.sign();
    }

    /** Benchmark state is shared, so this arm must run single-threaded (JMH's default). */
    @Benchmark
    public byte[] bareJcaReused() throws Exception {
        reused.update(StringToSign.of("1700000000", URL, body));
        return reused.sign();
    }
}
