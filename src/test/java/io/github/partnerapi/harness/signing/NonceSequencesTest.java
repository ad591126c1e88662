package io.github.partnerapi.harness.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceSequencesTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsNamedByAHashOfTheApiKeyAndHoldsOnlyTheLastNonce() throws Exception {
        String apiKey = "c2VjcmV0LWFwaS1rZXktZm9yLW5vbmNlcw==";
        NonceSequences sequence = NonceSequences.in(dir, apiKey);
        long nonce;
        try (NonceSequences.Lease lease = sequence.lease()) {
            nonce = lease.next();
        }
        assertThat(sequence.file().getFileName().toString()).matches("[0-9a-f]{32}\\.nonce").doesNotContain(apiKey);
        assertThat(Files.readString(sequence.file(), StandardCharsets.US_ASCII)).isEqualTo(nonce + "\n");
        assertThat(nonce).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }

    @Test
    void aHigherNonceWrittenByAnotherProcessIsContinued() throws Exception {
        NonceSequences sequence = NonceSequences.in(dir, "YW5vdGhlci1wcm9jZXNz");
        try (NonceSequences.Lease lease = sequence.lease()) {
            lease.next();
        }
        long future = System.currentTimeMillis() + 3_600_000;
        Files.writeString(sequence.file(), future + "\n", StandardCharsets.US_ASCII);
        try (NonceSequences.Lease lease = sequence.lease()) {
            assertThat(lease.next()).isEqualTo(future + 1);
            assertThat(lease.next()).isEqualTo(future + 2);
        }
    }

    @Test
    void aDamagedFileGivesWayToTheClock() throws Exception {
        NonceSequences sequence = NonceSequences.in(dir, "ZGFtYWdlZA==");
        Files.createDirectories(sequence.file().getParent());
        Files.writeString(sequence.file(), "not a number", StandardCharsets.US_ASCII);
        long before = System.currentTimeMillis();
        try (NonceSequences.Lease lease = sequence.lease()) {
            assertThat(lease.next()).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void threadsDrawStrictlyIncreasingNoncesInLeaseOrder() throws Exception {
        NonceSequences sequence = NonceSequences.in(dir, "dGhyZWFkcw==");
        List<Long> drawn = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        try (NonceSequences.Lease lease = sequence.lease()) {
                            drawn.add(lease.next()); // the lease makes the list's use exclusive
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(drawn).hasSize(400).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aNestedLeaseOfTheSameThreadContinuesTheSequence() {
        NonceSequences sequence = NonceSequences.in(dir, "bmVzdGVk");
        try (NonceSequences.Lease outer = sequence.lease()) {
            long first = outer.next();
            try (NonceSequences.Lease inner = sequence.lease()) {
                assertThat(inner.next()).isGreaterThan(first);
            }
            assertThat(outer.next()).isGreaterThan(first + 1);
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamedWithTheSettingThatMovesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        NonceSequences sequence = NonceSequences.in(file.resolve("nonces"), "dW53cml0YWJsZQ==");
        assertThatThrownBy(sequence::lease).isInstanceOf(NonceFileException.class)
                .hasMessageContaining(sequence.file().toString())
                .hasMessageContaining("partnerapi.nonce.dir").hasMessageContaining("PARTNERAPI_NONCE_DIR")
                .hasMessageNotContaining("dW53cml0YWJsZQ==");
        try (NonceSequences.Lease lease = NonceSequences.in(dir, "dW53cml0YWJsZQ==").lease()) {
            assertThat(lease.next()).isPositive(); // the failed lease released the thread's lock
        }
    }
}
