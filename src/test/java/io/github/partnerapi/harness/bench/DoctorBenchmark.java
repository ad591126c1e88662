package io.github.partnerapi.harness.bench;

import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The doctor on a 1 MiB JSON body: worst case (no hypothesis matches, all are tried) and a late match. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DoctorBenchmark {

    SignatureDoctor doctor;
    SentRequest unknown;
    SentRequest staleBy25Seconds;
    SentRequest newlinesRemoved;

    @Setup
    public void setUp() {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; json.length() < 1024 * 1024; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i).append("\"}");
        }
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        RequestSigner signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
        String url = "https://api.qredo.network/api/v1/p/company";
        doctor = SignatureDoctor.builder(PemKeys.readPublicKey(TestData.publicKey())).build();
        unknown = new SentRequest("x-timestamp", "1700000000", url, body, signer.sign("1700000000", url, "{}".getBytes()));
        staleBy25Seconds = new SentRequest("x-timestamp", "1700000000", url, body, signer.sign("1699999975", url, body));
        StringBuilder pretty = new StringBuilder("{\n  \"items\": [");
        for (int i = 0; pretty.length() < 1024 * 1024; i++) {
            pretty.append(i == 0 ? "" : ",").append("\n    {\n      \"id\": ").append(i).append(",\n      \"name\": \"item ")
                    .append(i).append("\"\n    }");
        }
        byte[] file = pretty.append("\n  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] curlD = new String(file, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8);
        newlinesRemoved = new SentRequest("x-timestamp", "1700000000", url, curlD, signer.sign("1700000000", url, file));
    }

    @Benchmark
    public Finding everyHypothesis() {
        return doctor.diagnose(unknown);
    }

    /** curl -d @file of a 1 MiB pretty file: found after the layouts, key orders and escapes. */
    @Benchmark
    public Finding newlinesRemovedFound() {
        return doctor.diagnose(newlinesRemoved);
    }

    @Benchmark
    public Finding freshnessFoundLate() {
        return doctor.diagnose(staleBy25Seconds);
    }
}
