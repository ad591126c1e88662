package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which companies' names may contain a search string, by the three-character slices of their
 * lower-cased names: a search then reads the names under the query's rarest slice instead of
 * every company (a scan of 10,000 names per search had capped the stub at ~3,000 requests/s).
 * Slices list distinct names, and each name its companies: a company whose name is already
 * indexed costs one set entry, not one per slice (a slice held by every company made its
 * upkeep a fifth of a POST /company), and a search checks each name once.
 *
 * <p>Thread-safety: {@link #add} and {@link #remove} are called by one thread at a time (under the
 * store's lock), {@link #candidates} by any thread without a lock; the sets are concurrent so that a
 * search never sees a broken one, and an emptied set is dropped.
 */
final class NameIndex {

    private static final int SLICE = 3;

    /** Estimated heap per slice or name (its key, map entry and set) and per entry in a slice's or name's set. */
    static final int SLICE_BYTES = 160;
    static final int MEMBER_BYTES = 48;

    private final ConcurrentMap<String, Set<String>> bySlice = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Company>> byName = new ConcurrentHashMap<>();
    /** Set entries (slice to name, name to company) and the names' characters; changed by the writer only. */
    private long members;
    private long nameChars;

    void add(Company company, String key) {
        Set<Company> named = byName.get(key);
        if (named != null) {
            if (named.add(company)) {
                members++;
            }
            return;
        }
        named = ConcurrentHashMap.newKeySet();
        named.add(company);
        members++;
        nameChars += key.length();
        byName.put(key, named); // before the slices, so that a search finding the name finds its companies
        for (int i = 0; i + SLICE <= key.length(); i++) {
            String slice = key.substring(i, i + SLICE);
            Set<String> names = bySlice.get(slice);
            if (names == null) {
                names = ConcurrentHashMap.newKeySet();
                bySlice.put(slice, names);
            }
            if (names.add(key)) { // a slice that repeats in the key is listed once
                members++;
            }
        }
    }

    void remove(Company company, String key) {
        Set<Company> named = byName.get(key);
        if (named == null || !named.remove(company)) {
            return;
        }
        members--;
        if (!named.isEmpty()) {
            return;
        }
        byName.remove(key);
        nameChars -= key.length();
        for (int i = 0; i + SLICE <= key.length(); i++) {
            String slice = key.substring(i, i + SLICE);
            Set<String> names = bySlice.get(slice);
            if (names != null && names.remove(key)) {
                members--;
                if (names.isEmpty()) {
                    bySlice.remove(slice);
                }
            }
        }
    }

    /** The index's estimated heap (call under the store's lock), which the store holds within {@code indexBytes}. */
    long estimatedBytes() {
        return ((long) bySlice.size() + byName.size()) * SLICE_BYTES + members * MEMBER_BYTES + 2 * nameChars;
    }

    /**
     * The companies indexed under a name that contains {@code needle}, each once (a search that runs
     * while companies change may include a company just renamed or evicted: callers check each), or
     * null when the needle is shorter than a slice and every company has to be read.
     */
    Collection<Company> candidates(String needle) {
        if (needle.length() < SLICE) {
            return null;
        }
        Set<String> rarest = null;
        for (int i = 0; i + SLICE <= needle.length(); i++) {
            Set<String> names = bySlice.get(needle.substring(i, i + SLICE));
            if (names == null) {
                return List.of();
            }
            if (rarest == null || names.size() < rarest.size()) {
                rarest = names;
            }
        }
        // a set: a company renamed while this runs can be read under its old name and its new one
        Set<Company> found = new HashSet<>();
        for (String name : rarest) {
            Set<Company> named = name.contains(needle) ? byName.get(name) : null;
            if (named != null) {
                found.addAll(named);
            }
        }
        return found;
    }

    /** How many distinct slices are indexed (bounded by the companies kept). */
    int sliceCount() {
        return bySlice.size();
    }
}
