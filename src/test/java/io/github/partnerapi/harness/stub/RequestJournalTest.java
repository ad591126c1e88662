package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static JournalEntry entry(String url, String body) {
        return new JournalEntry("POST", url, Map.of("x-api-key", "abcd…(20)"), body, body.length(), 200, "accepted", null);
    }

    private static List<String> urls(RequestJournal journal) {
        return journal.entries().stream().map(JournalEntry::url).toList();
    }

    @Test
    void entriesAreListedInVerdictOrderWhateverOrderTheyArriveIn() {
        RequestJournal journal = new RequestJournal(10, RequestJournal.DEFAULT_BYTES);
        long first = journal.nextSequence();
        long second = journal.nextSequence();
        journal.add(second, entry("/second", ""));
        journal.add(first, entry("/first", ""));
        assertThat(urls(journal)).containsExactly("/first", "/second");
    }

    @Test
    void theOldestEntriesGoBeyondTheCountOrTheByteBudget() {
        RequestJournal byCount = new RequestJournal(3, RequestJournal.DEFAULT_BYTES);
        IntStream.range(0, 5).forEach(i -> byCount.add(byCount.nextSequence(), entry("/" + i, "")));
        assertThat(urls(byCount)).containsExactly("/2", "/3", "/4");

        String body = "x".repeat(1000);
        long one = RequestJournal.sizeOf(entry("/0", body));
        RequestJournal byBytes = new RequestJournal(100, 3 * one);
        IntStream.range(0, 5).forEach(i -> byBytes.add(byBytes.nextSequence(), entry("/" + i, body)));
        assertThat(urls(byBytes)).containsExactly("/2", "/3", "/4");
        byBytes.clear();
        IntStream.range(5, 8).forEach(i -> byBytes.add(byBytes.nextSequence(), entry("/" + i, body)));
        assertThat(urls(byBytes)).as("the budget starts again after clear").containsExactly("/5", "/6", "/7");
    }

    @Test
    void anEntryLargerThanTheWholeBudgetIsNotKeptAndDropsNothing() {
        RequestJournal journal = new RequestJournal(100, 2_000);
        journal.add(journal.nextSequence(), entry("/small", ""));
        journal.add(journal.nextSequence(), entry("/huge", "y".repeat(5_000)));
        assertThat(urls(journal)).containsExactly("/small");
    }

    @Test
    void aBodyIsKeptUpToItsFirstFourKibibytes() {
        byte[] body = "z".repeat(RequestJournal.BODY_TEXT_LIMIT + 10).getBytes(StandardCharsets.UTF_8);
        assertThat(RequestJournal.bodyText(body)).hasSize(RequestJournal.BODY_TEXT_LIMIT);
        JournalEntry entry = new JournalEntry("POST", "/", Map.of(), RequestJournal.bodyText(body), body.length, 200,
                "accepted", null);
        assertThat(entry.bodyTruncated()).isTrue();
    }

    @Test
    void entriesArrivingOutOfOrderAreKeptAsASortedMapOfTheNewestWouldKeepThem() {
        java.util.Random random = new java.util.Random(5);
        for (int capacity : new int[] {1, 7, 16, 40}) {
            RequestJournal journal = new RequestJournal(capacity, 60L * RequestJournal.sizeOf(entry("/0000", "")));
            java.util.TreeMap<Long, String> oracle = new java.util.TreeMap<>();
            List<Long> pending = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                pending.add(journal.nextSequence());
                if (pending.size() > random.nextInt(12)) { // answers written in another order than the verdicts
                    long number = pending.remove(random.nextInt(pending.size()));
                    String url = String.format("/%04d", number);
                    journal.add(number, entry(url, ""));
                    oracle.put(number, url);
                    while (oracle.size() > capacity) {
                        oracle.pollFirstEntry();
                    }
                }
                if (i == 1_000) {
                    journal.clear();
                    oracle.clear();
                }
            }
            assertThat(urls(journal)).as("capacity %d", capacity).containsExactlyElementsOf(oracle.values());
        }
    }
}
