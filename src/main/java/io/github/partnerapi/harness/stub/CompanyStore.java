package io.github.partnerapi.harness.stub;

import java.util.ArrayList;
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
 */
final class CompanyStore {

    /** One company and what hangs off it; its maps are concurrent, so writes under it lose nothing. */
    static final class Company {
        final String id;
        final long sequence;
        volatile Map<String, Object> fields;
        /** The name in lower case, kept with the fields so that search does not recompute it per company. */
        volatile String searchKey;
        final Map<String, Map<String, Object>> trustedParties = new ConcurrentHashMap<>();
        final Map<String, Map<String, Object>> funds = new ConcurrentHashMap<>();

        Company(String id, long sequence, Map<String, Object> fields) {
            this.id = id;
            this.sequence = sequence;
            update(fields);
        }

        void update(Map<String, Object> newFields) {
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

    CompanyStore(int capacity) {
        this.capacity = capacity;
    }

    Company create(Map<String, Object> fields) {
        long n = sequence.incrementAndGet();
        Company company = new Company(Ids.next("1c", n), n, fields);
        companies.put(company.id, company);
        order.add(company.id);
        while (companies.size() > capacity) {
            String oldest = order.poll();
            if (oldest == null) {
                break;
            }
            companies.remove(oldest);
        }
        return company;
    }

    Optional<Company> get(String id) {
        return Optional.ofNullable(companies.get(id));
    }

    /** Companies whose name contains {@code query}, case-insensitively, oldest first. */
    List<Company> search(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<Company> matches = new ArrayList<>();
        for (Company company : companies.values()) {
            if (company.searchKey.contains(needle)) {
                matches.add(company);
            }
        }
        matches.sort(Comparator.comparingLong(c -> c.sequence));
        return matches;
    }

    int size() {
        return companies.size();
    }

    static Map<String, Object> copy(Map<String, Object> fields) {
        return new LinkedHashMap<>(fields);
    }
}
