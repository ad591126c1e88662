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
import java.util.function.Supplier;

/**
 * The stub's in-memory companies and everything they hold (trusted parties, funds, wallets,
 * transactions, swaps). Thread-safe. Bounded by {@link StoreLimits}: by count and estimated bytes
 * in all, the oldest company (with all it holds) evicted first; per company and per collection, a
 * write beyond the limit is refused with a 400. Names are indexed for search ({@link NameIndex}),
 * which reads without the lock; everything else changes and is read under {@link #locked}.
 */
final class CompanyStore {

    /** One company and what hangs off it; its collections are guarded by the store's lock. */
    static final class Company {
        final String id;
        final long sequence;
        volatile Map<String, Object> fields;
        /** The name in lower case, kept with the fields so that search does not recompute it per company. */
        volatile String searchKey;
        /** Set, under the company's lock, when evicted: it must not be indexed again. */
        boolean evicted;
        long bytes;
        final Map<String, Map<String, Object>> trustedParties = new LinkedHashMap<>();
        final Map<String, Fund> funds = new LinkedHashMap<>();
        final Map<String, Tx> transactions = new LinkedHashMap<>();
        final Map<String, Swap> swaps = new LinkedHashMap<>();

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

    final StoreLimits limits;
    /** Wallets and swaps by id, for the routes that name no company; kept in step with eviction. */
    final Map<String, Wallet> wallets = new ConcurrentHashMap<>();
    final Map<String, Swap> swaps = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final NameIndex index = new NameIndex();
    private long totalBytes;

    CompanyStore(int capacity) {
        this(StoreLimits.defaults().withMaxCompanies(capacity));
    }

    CompanyStore(StoreLimits limits) {
        this.limits = limits;
    }

    /** Runs {@code action} under the store's lock: balances, collections and eviction change only there. */
    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    Company create(Map<String, Object> fields) {
        long n = sequence.incrementAndGet();
        Company company = new Company(Ids.next("1c", n), n, fields);
        long bytes = Sizes.of(fields); // outside the lock, which every create and eviction queues on
        synchronized (lock) {
            companies.put(company.id, company);
            order.add(company.id);
            company.bytes = bytes;
            totalBytes += company.bytes;
            index.add(company, company.searchKey);
            evictBeyondLimits(company);
        }
        return company;
    }

    /** Replaces a company's fields, and its index entries when its name changes. */
    Optional<String> update(Company company, Map<String, Object> fields) {
        synchronized (lock) {
            long delta = Sizes.of(fields) - Sizes.of(company.fields);
            if (company.bytes + delta > limits.companyBytes()) {
                return Optional.of(budgetProblem(company, "company"));
            }
            String before = company.searchKey;
            company.update(fields);
            company.bytes += delta;
            totalBytes += delta;
            if (!company.evicted && !before.equals(company.searchKey)) {
                index.remove(company, before);
                index.add(company, company.searchKey);
            }
            evictBeyondLimits(company);
            return Optional.empty();
        }
    }

    /**
     * Admits one more item of {@code bytes} to a collection of {@code size} items of the company
     * (call under {@link #locked}); the 400 reason when a limit would be passed.
     */
    Optional<String> admit(Company company, String collection, int size, long bytes) {
        if (size >= limits.perCollection()) {
            return Optional.of("the stub keeps at most " + limits.perCollection() + " " + collection
                    + " here; this one would pass that limit (VerifierStubBuilder.storeLimits / stub options)");
        }
        if (company.bytes + bytes > limits.companyBytes()) {
            return Optional.of(budgetProblem(company, collection));
        }
        company.bytes += bytes;
        totalBytes += bytes;
        evictBeyondLimits(company);
        return Optional.empty();
    }

    private String budgetProblem(Company company, String what) {
        return "company " + company.id + " holds about " + company.bytes + " bytes; this " + what
                + " would pass the stub's limit of " + limits.companyBytes() + " bytes per company (--company-bytes)";
    }

    /** Evicts the oldest companies, never {@code keep}, while a count or byte budget is passed. */
    private void evictBeyondLimits(Company keep) {
        while (companies.size() > limits.maxCompanies() || totalBytes > limits.storeBytes()
                || index.estimatedBytes() > limits.indexBytes()) {
            String oldest = order.peek();
            if (oldest == null || oldest.equals(keep.id) && companies.size() == 1) {
                return;
            }
            order.poll();
            if (oldest.equals(keep.id)) {
                order.add(oldest);
                continue;
            }
            evict(companies.remove(oldest));
        }
    }

    private void evict(Company company) {
        if (company == null) {
            return;
        }
        company.evicted = true;
        index.remove(company, company.searchKey);
        totalBytes -= company.bytes;
        company.funds.values().forEach(fund -> fund.wallets.keySet().forEach(wallets::remove));
        company.swaps.keySet().forEach(swaps::remove);
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

    /** The search index's estimated heap, held within {@link StoreLimits#indexBytes()}. */
    long indexBytes() {
        synchronized (lock) {
            return index.estimatedBytes();
        }
    }

    int size() {
        return companies.size();
    }

    long totalBytes() {
        synchronized (lock) {
            return totalBytes;
        }
    }
}
