package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.signing.SignatureVerifier;
import io.github.partnerapi.harness.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the gate diagnoses: a signature that does not verify goes to the signature doctor on the executor it is
 * given (the proxy's connections verify on an I/O thread, which a diagnosis of up to a few hundred milliseconds
 * must not hold), every other verdict is reached in place. Enforcing, so that nothing is forwarded.
 */
class ProxyGateTest {

    private static final String API_KEY = "gate-test-api-key";
    private static final String HOST = "proxy.test";
    private static final String PATH = "/api/v1/p/company";
    private static final String COMPACT = "{\"name\":\"Acme\",\"domain\":\"acme.example\"}";
    private static final String PRETTY = "{\n  \"name\": \"Acme\",\n  \"domain\": \"acme.example\"\n}";

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Upstream upstream = new Upstream("http://127.0.0.1:9", null, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2);
    private final ProxyJournal journal = new ProxyJournal(10);
    private final Queue<Runnable> slow = new ArrayDeque<>();
    private final RecordingReply reply = new RecordingReply();
    private final ProxyGate gate = gate();

    @AfterEach
    void closeUpstream() {
        upstream.close();
    }

    @Test
    void aSignatureThatDoesNotVerifyIsDiagnosedOnTheExecutorGivenNotInPlace() {
        String ts = Long.toString(now.getEpochSecond());

        gate.handle(received(ts, sign(ts, COMPACT), PRETTY), Body.of(PRETTY.getBytes(StandardCharsets.UTF_8)),
                reply, reply.done, slow::add);

        assertThat(reply.status).as("answered before the diagnosis ran").isZero();
        assertThat(journal.entries()).isEmpty();
        assertThat(slow).hasSize(1);
        slow.poll().run();
        assertThat(reply.status).isEqualTo(401);
        assertThat(reply.verdict).isEqualTo("signature; cause=body-compacted");
        assertThat(reply.completed).isTrue();
        assertThat(journal.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.toJson()).containsEntry("verdict", "signature").containsEntry("cause", "body-compacted");
        });
    }

    @Test
    void everyOtherVerdictIsReachedInPlace() {
        String stale = Long.toString(now.getEpochSecond() - 3600);

        gate.handle(received(stale, sign(stale, COMPACT), COMPACT), Body.of(COMPACT.getBytes(StandardCharsets.UTF_8)),
                reply, reply.done, slow::add);

        assertThat(slow).isEmpty();
        assertThat(reply.status).isEqualTo(401);
        assertThat(reply.verdict).isEqualTo("timestamp");
        assertThat(reply.completed).isTrue();
    }

    private ProxyGate gate() {
        Map<String, SignatureVerifier> keys = Map.of(API_KEY,
                SignatureVerifier.of(PemKeys.readPublicKey(TestData.publicKey())));
        Authenticator authenticator = new Authenticator(keys, StubMode.STRICT, Duration.ofSeconds(300),
                Clock.fixed(now, ZoneOffset.UTC), null, new AtomicLong()::incrementAndGet);
        VerifyingProxyBuilder config = VerifyingProxy.builder().enforce(true);
        return new ProxyGate(authenticator, new SignatureExplainer(keys, null), upstream, journal, config);
    }

    private static String sign(String ts, String body) {
        return RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null))
                .sign(ts, "http://" + HOST + PATH, body.getBytes(StandardCharsets.UTF_8));
    }

    private static StubHandler.Received received(String ts, String xSign, String body) {
        HttpFields headers = HttpFields.build().add("Host", HOST).add("x-api-key", API_KEY).add("x-timestamp", ts)
                .add("x-sign", xSign).add("Content-Type", "application/json");
        return StubHandler.Received.of("POST", PATH.getBytes(StandardCharsets.US_ASCII), HOST, headers,
                body.getBytes(StandardCharsets.UTF_8).length);
    }

    /** The proxy's own answer, as the client would get it; nothing is forwarded here. */
    private static final class RecordingReply implements ProxyReply {

        int status;
        String verdict;
        boolean completed;
        final Callback done = Callback.from(() -> completed = true, failure -> completed = false);

        @Override
        public void head(int status, HttpFields headers) {
            throw new AssertionError("nothing is forwarded by an enforcing gate here");
        }

        @Override
        public void write(boolean last, ByteBuffer piece, Callback callback) {
            throw new AssertionError("nothing is forwarded by an enforcing gate here");
        }

        @Override
        public void answer(StubResponse answer, String verdictHeader, Callback callback) {
            status = answer.status();
            verdict = verdictHeader;
            callback.succeeded();
        }
    }
}
