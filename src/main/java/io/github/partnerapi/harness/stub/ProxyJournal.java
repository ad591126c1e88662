package io.github.partnerapi.harness.stub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The proxy's last N requests, newest last; each entry's text is cut, so memory stays bounded. */
final class ProxyJournal {

    /** The longest URL kept, in characters; longer ones are cut and marked. */
    static final int MAX_URL = 2048;

    private final int capacity;
    private final Deque<ProxyJournalEntry> entries = new ArrayDeque<>();

    ProxyJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(ProxyJournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    synchronized List<ProxyJournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    synchronized void clear() {
        entries.clear();
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}
