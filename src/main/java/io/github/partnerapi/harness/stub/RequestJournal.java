package io.github.partnerapi.harness.stub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /**
     * The entries in verdict order, a ring from {@code head}: they arrive nearly in that order, so one is
     * put in place by shifting the few later ones, and the oldest leaves from the head (a TreeMap here
     * had been a twentieth of the stub's CPU under load). Each kept with its number and its size, estimated once.
     */
    private Kept[] kept = new Kept[0];
    private int head;
    private int count;
    private long bytes;

    RequestJournal(int capacity, long byteBudget) {
        this.capacity = capacity;
        this.byteBudget = byteBudget;
    }

    /** The next verdict's number; take it at the moment the verdict is reached. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    private record Kept(long number, JournalEntry entry, long size) {
    }

    void add(long verdictSequence, JournalEntry entry) {
        long size = sizeOf(entry); // outside the lock, which every request's thread queues on
        if (capacity == 0 || size > byteBudget) {
            return;
        }
        synchronized (this) {
            if (count == kept.length) {
                grow();
            }
            int at = count;
            for (; at > 0 && kept[slot(at - 1)].number() > verdictSequence; at--) {
                kept[slot(at)] = kept[slot(at - 1)];
            }
            kept[slot(at)] = new Kept(verdictSequence, entry, size);
            count++;
            bytes += size;
            while (count > capacity || bytes > byteBudget) {
                bytes -= kept[head].size();
                kept[head] = null;
                head = slot(1);
                count--;
            }
        }
    }

    private int slot(int index) {
        return (head + index) % kept.length;
    }

    /** Room for one more (at most {@code capacity + 1}: the one beyond it is dropped at once). */
    private void grow() {
        int length = (int) Math.min((long) capacity + 1, Math.max(16L, 2L * kept.length));
        Kept[] newKept = new Kept[length];
        for (int i = 0; i < count; i++) {
            newKept[i] = kept[slot(i)];
        }
        kept = newKept;
        head = 0;
    }

    synchronized List<JournalEntry> entries() {
        List<JournalEntry> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(kept[slot(i)].entry());
        }
        return list;
    }

    synchronized void clear() {
        kept = new Kept[0];
        head = 0;
        count = 0;
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
