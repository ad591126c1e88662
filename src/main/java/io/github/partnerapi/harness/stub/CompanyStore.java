package io.github.partnerapi.harness.stub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stub's in-memory companies, with their trusted parties and funds. Thread-safe; capped at a
 * number of companies, beyond which the oldest is evicted, so memory stays bounded under load.
 * Names are indexed for search ({@link NameIndex}); a company's index entries change under its lock.
 */
final class CompanyStore {

    /** One company and what hangs off it; its maps are concurrent, so writes under it lose nothing. */
    static final class Company {
        final String id;
        final long sequence;
        volatile Map<String, Object> fields;
        /** The name in lower case, kept with the fields so that search does not recompute it per company. */
        volatile String searchKey;
        /** Set, under the company's lock, when evicted: it must not be indexed again. */
        boolean evicted;
        final Map<String, Map<String, Object>> trustedParties = new ConcurrentHashMap<>();
        final Map<String, Map<String, Object>> funds = new ConcurrentHashMap<>();

        Company(String id, long sequence, Map<String, Object> fields) {
            this.id = id;
            this.sequence = sequence;
            update(fields);
        }

        private void update(Map<String, Object> newFields) {
            this.fields = newFields;
            this.searchKey = name().toLowerCase(Locale.ROOT);
        }

        String name() {
            Object name = fields.get("name");
            return name == null ? "" : name.toString();
        }
    }

    private final int capacity;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final NameIndex index = new NameIndex();

    CompanyStore(int capacity) {
        this.capacity = capacity;
    }

    Company create(Map<String, Object> fields) {
        long n = sequence.incrementAndGet();
        Company company = new Company(Ids.next("1c", n), n, fields);
        companies.put(company.id, company);
        order.add(company.id);
        synchronized (company) {
            if (!company.evicted) {
                index.add(company, company.searchKey);
            }
        }
        while (companies.size() > capacity) {
            String oldest = order.poll();
            if (oldest == null) {
                break;
            }
            evict(companies.remove(oldest));
        }
        return company;
    }

    private void evict(Company company) {
        if (company == null) {
            return;
        }
        synchronized (company) {
            company.evicted = true;
            index.remove(company, company.searchKey);
        }
    }

    /** Replaces a company's fields, and its index entries when its name changes. */
    void update(Company company, Map<String, Object> fields) {
        synchronized (company) {
            String before = company.searchKey;
            company.update(fields);
            if (!company.evicted && !before.equals(company.searchKey)) {
                index.remove(company, before);
                index.add(company, company.searchKey);
            }
        }
    }

    Optional<Company> get(String id) {
        return Optional.ofNullable(companies.get(id));
    }

    /** Companies whose name contains {@code query}, case-insensitively, oldest first. */
    List<Company> search(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        Collection<Company> candidates = index.candidates(needle);
        List<Company> matches = new ArrayList<>();
        for (Company company : candidates != null ? candidates : companies.values()) {
            if (company.searchKey.contains(needle) && companies.get(company.id) == company) {
                matches.add(company);
            }
        }
        matches.sort(Comparator.comparingLong(c -> c.sequence));
        return matches;
    }

    /** Distinct name slices indexed: bounded by the companies kept, which tests check. */
    int indexedSlices() {
        return index.sliceCount();
    }

    int size() {
        return companies.size();
    }

    static Map<String, Object> copy(Map<String, Object> fields) {
        return new LinkedHashMap<>(fields);
    }
}
