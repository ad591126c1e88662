package io.github.partnerapi.harness.stub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The last N requests the stub saw, newest last; bounded, so memory stays flat under load. */
final class RequestJournal {

    /** One request as the stub saw and judged it. */
    record Entry(String method, String url, Map<String, String> headers, String body, int status, String verdict,
            String reason) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Entry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
