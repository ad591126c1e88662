package io.github.partnerapi.harness.stub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last requests the stub saw, in the order their verdicts were reached (a sequence number taken at the
 * verdict, so a nonce accepted first is listed first even when its answer is written last). Bounded by count
 * and by bytes: bodies are kept up to {@link #BODY_TEXT_LIMIT} bytes (with their full length), and the oldest
 * entries go once the entries' text passes the byte budget.
 */
final class RequestJournal {

    /** The most of a body the journal keeps: 4 KiB. */
    static final int BODY_TEXT_LIMIT = 4 * 1024;
    /** Default byte budget of the journal: 2 MiB. */
    static final long DEFAULT_BYTES = 2L * 1024 * 1024;

    private final int capacity;
    private final long byteBudget;
    private final AtomicLong sequence = new AtomicLong();
    /** Entries by verdict number, each with its size (estimated once, not again when it is dropped). */
    private final TreeMap<Long, Kept> entries = new TreeMap<>();
    private long bytes;

    RequestJournal(int capacity, long byteBudget) {
        this.capacity = capacity;
        this.byteBudget = byteBudget;
    }

    /** The next verdict's number; take it at the moment the verdict is reached. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    private record Kept(JournalEntry entry, long size) {
    }

    void add(long verdictSequence, JournalEntry entry) {
        long size = sizeOf(entry); // outside the lock, which every request's thread queues on
        if (capacity == 0 || size > byteBudget) {
            return;
        }
        synchronized (this) {
            entries.put(verdictSequence, new Kept(entry, size));
            bytes += size;
            while (entries.size() > capacity || bytes > byteBudget) {
                bytes -= entries.pollFirstEntry().getValue().size();
            }
        }
    }

    synchronized List<JournalEntry> entries() {
        List<JournalEntry> list = new ArrayList<>(entries.size());
        entries.values().forEach(kept -> list.add(kept.entry()));
        return list;
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** The body for the journal: UTF-8 text of its first {@link #BODY_TEXT_LIMIT} bytes. */
    static String bodyText(byte[] body) {
        return new String(body, 0, Math.min(body.length, BODY_TEXT_LIMIT), StandardCharsets.UTF_8);
    }

    /** An estimate of what the entry holds and costs as JSON: its strings' lengths plus a fixed overhead. */
    static long sizeOf(JournalEntry entry) {
        long size = 200L + length(entry.method()) + length(entry.url()) + length(entry.body())
                + length(entry.verdict()) + length(entry.reason());
        for (Map.Entry<String, String> header : entry.headers().entrySet()) {
            size += 40 + length(header.getKey()) + length(header.getValue());
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
