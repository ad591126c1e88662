package io.github.partnerapi.harness.stub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last N requests the stub saw, newest last; bounded, so memory stays flat under load. */
final class RequestJournal {

    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
