package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerapi.harness.testing.OpenSsl;
import io.github.partnerapi.harness.testing.TestData;
import io.github.partnerapi.harness.testing.TestData.Vector;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestSignerTest {

    private static final PrivateKey PKCS1 = PemKeys.readPrivateKey(TestData.pkcs1Key(), null);
    private static final PrivateKey PKCS8 = PemKeys.readPrivateKey(TestData.pkcs8Key(), null);
    private static final PublicKey PUBLIC = PemKeys.readPublicKey(TestData.publicKey());

    static Stream<Vector> vectors() {
        return TestData.vectors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesEveryVectorFromThePkcs1Key(Vector v) {
        assertThat(RequestSigner.of(PKCS1).sign(v.value(), v.url(), v.body())).isEqualTo(v.xSign());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesEveryVectorFromThePkcs8Key(Vector v) {
        assertThat(RequestSigner.of(PKCS8).sign(v.value(), v.url(), v.body())).isEqualTo(v.xSign());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void streamingFormGivesTheSameSignature(Vector v) {
        String streamed = RequestSigner.of(PKCS1).sign(v.value(), v.url(), new ByteArrayInputStream(v.body()));
        assertThat(streamed).isEqualTo(v.xSign());
    }

    @Test
    void signatureVerifiesWithJcaOverFreshnessUrlAndBody() throws Exception {
        byte[] body = "{\"name\":\"é\ttab\"}\r\n".getBytes(StandardCharsets.UTF_8);
        String xSign = RequestSigner.of(PKCS1).sign("1700000000", "https://h:8443/api/v1/p/x?q=a%20b", body);

        assertThat(xSign).doesNotContain("=", "+", "/").hasSize(342);
        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initVerify(PUBLIC);
        jca.update(("1700000000https://h:8443/api/v1/p/x?q=a%20b").getBytes(StandardCharsets.UTF_8));
        jca.update(body);
        assertThat(jca.verify(Base64.getUrlDecoder().decode(xSign))).isTrue();
    }

    @Test
    void matchesOpenSslOnAUnicodeCrlfBody() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl is not installed; the shared vectors remain the oracle");
        byte[] body = "{\r\n\t\"name\": \"Zoë \\u00e9\"\r\n}\n".getBytes(StandardCharsets.UTF_8);
        String url = "https://api.qredo.network/api/v1/p/company/search?query=a%2Bb&x=%C3%A9";
        byte[] payload = StringToSign.of("1634226826", url, body);

        assertThat(RequestSigner.of(PKCS8).sign("1634226826", url, body))
                .isEqualTo(OpenSsl.sign(TestData.pkcs1Key(), payload));
    }

    @Test
    void timestampComesFromTheInjectedClock() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1634226826, 999_000_000), ZoneOffset.UTC);
        assertThat(RequestSigner.of(PKCS1, clock).timestamp()).isEqualTo("1634226826");
    }

    @Test
    void streamsA50MiBBodyWithoutHoldingIt() throws Exception {
        long size = 50L * 1024 * 1024;
        String xSign = RequestSigner.of(PKCS1).sign("1", "https://h/p", new PatternStream(size));

        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initVerify(PUBLIC);
        jca.update("1https://h/p".getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[8192];
        try (InputStream in = new PatternStream(size)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                jca.update(buffer, 0, n);
            }
        }
        assertThat(jca.verify(Base64.getUrlDecoder().decode(xSign))).isTrue();
    }

    @Test
    void oneSignerIsSafeToShareBetweenThreads() throws Exception {
        RequestSigner signer = RequestSigner.of(PKCS1);
        List<Vector> vectors = TestData.vectors();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Vector v = vectors.get(i % vectors.size());
                results.add(pool.submit(() -> signer.sign(v.value(), v.url(), v.body()).equals(v.xSign())));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A body generated as it is read: a deterministic byte pattern of a given length. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (position++ * 31 % 251);
            }
            return n;
        }
    }
}
