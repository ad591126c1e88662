package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which companies' names may contain a search string, by the three-character slices of their
 * lower-cased names: a search then reads the companies under the query's rarest slice instead of
 * every company (a scan of 10,000 names per search had capped the stub at ~3,000 requests/s).
 * Thread-safe: each slice's set changes atomically, and an emptied set is dropped.
 */
final class NameIndex {

    private static final int SLICE = 3;

    /** Estimated heap per slice (its key, map entry and set) and per company listed under a slice. */
    static final int SLICE_BYTES = 160;
    static final int MEMBER_BYTES = 48;

    private final ConcurrentMap<String, Set<Company>> bySlice = new ConcurrentHashMap<>();
    private final AtomicLong members = new AtomicLong();

    void add(Company company, String key) {
        for (String slice : slices(key)) {
            bySlice.compute(slice, (k, set) -> {
                Set<Company> companies = set != null ? set : ConcurrentHashMap.newKeySet();
                if (companies.add(company)) {
                    members.incrementAndGet();
                }
                return companies;
            });
        }
    }

    void remove(Company company, String key) {
        for (String slice : slices(key)) {
            bySlice.computeIfPresent(slice, (k, set) -> {
                if (set.remove(company)) {
                    members.decrementAndGet();
                }
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** The index's estimated heap, which the store holds within its {@code indexBytes} budget. */
    long estimatedBytes() {
        return (long) bySlice.size() * SLICE_BYTES + members.get() * MEMBER_BYTES;
    }

    /**
     * A superset of the companies whose key contains {@code needle} (callers check each), or null
     * when the needle is shorter than a slice and every company has to be read.
     */
    Collection<Company> candidates(String needle) {
        if (needle.length() < SLICE) {
            return null;
        }
        Set<Company> rarest = null;
        for (String slice : slices(needle)) {
            Set<Company> companies = bySlice.get(slice);
            if (companies == null) {
                return List.of();
            }
            if (rarest == null || companies.size() < rarest.size()) {
                rarest = companies;
            }
        }
        return rarest;
    }

    /** How many distinct slices are indexed (bounded by the companies kept). */
    int sliceCount() {
        return bySlice.size();
    }

    private static Set<String> slices(String key) {
        Set<String> slices = new HashSet<>();
        for (int i = 0; i + SLICE <= key.length(); i++) {
            slices.add(key.substring(i, i + SLICE));
        }
        return slices;
    }
}
