package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class CompanyStoreTest {

    private static final String[] QUERIES = {"", "a", "ac", "acm", "ACME", "me c", "corp", "\u00e9t", "zzz", "cme-1", "1"};

    private static Map<String, Object> named(String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        return fields;
    }

    private static String randomName(Random random) {
        String[] parts = {"ACME", "acme", "Corp", "Soci\u00e9t\u00e9", "Bank", "-", " ", "1", "42", "Z"};
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(5); i >= 0; i--) {
            name.append(parts[random.nextInt(parts.length)]);
        }
        return name.toString();
    }

    /** The oracle: every company kept, read one by one. */
    private static List<String> scan(List<Company> kept, String query) {
        List<String> ids = new ArrayList<>();
        for (Company company : kept) {
            if (company.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))) {
                ids.add(company.id);
            }
        }
        return ids;
    }

    private static List<String> ids(List<Company> companies) {
        return companies.stream().map(c -> c.id).toList();
    }

    private static List<Company> kept(CompanyStore store, List<Company> created) {
        return created.stream().filter(c -> store.get(c.id).isPresent()).toList();
    }

    private static int distinctSlices(List<Company> kept) {
        Set<String> slices = new HashSet<>();
        for (Company company : kept) {
            String key = company.name().toLowerCase(Locale.ROOT);
            for (int i = 0; i + 3 <= key.length(); i++) {
                slices.add(key.substring(i, i + 3));
            }
        }
        return slices.size();
    }

    @Test
    void searchFindsWhatAScanFindsThroughCreatesRenamesAndEvictions() {
        Random random = new Random(7);
        CompanyStore store = new CompanyStore(200);
        List<Company> created = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            created.add(store.create(named(randomName(random))));
            if (i % 3 == 0) {
                Company any = created.get(random.nextInt(created.size()));
                store.update(any, named(randomName(random)));
            }
        }
        List<Company> kept = kept(store, created);
        assertThat(kept).hasSize(200);
        for (String query : QUERIES) {
            assertThat(ids(store.search(query))).as("query '%s'", query).isEqualTo(scan(kept, query));
        }
        assertThat(store.indexedSlices()).isEqualTo(distinctSlices(kept));
    }

    @Test
    void aRenamedCompanyIsFoundByItsNewNameOnly() {
        CompanyStore store = new CompanyStore(10);
        Company company = store.create(named("Old Name Ltd"));
        store.update(company, named("Brand New SA"));
        assertThat(store.search("old name")).isEmpty();
        assertThat(store.search("new sa")).containsExactly(company);
        assertThat(store.search("N")).containsExactly(company);
    }

    @Test
    void concurrentWritesLeaveTheIndexExactlyMatchingTheCompaniesKept() throws Exception {
        CompanyStore store = new CompanyStore(300);
        List<Company> created = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                work.add(pool.submit(() -> {
                    Random random = ThreadLocalRandom.current();
                    for (int i = 0; i < 2_000; i++) {
                        if (i % 4 == 3 && !created.isEmpty()) {
                            Company any = created.get(random.nextInt(created.size()));
                            store.update(any, named(randomName(random)));
                        } else if (i % 4 == 2) {
                            store.search(QUERIES[random.nextInt(QUERIES.length)]);
                        } else {
                            created.add(store.create(named(randomName(random))));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Company> kept = kept(store, new ArrayList<>(created));
        assertThat(kept).hasSize(300);
        for (String query : QUERIES) {
            assertThat(ids(store.search(query))).as("query '%s'", query)
                    .isEqualTo(scan(kept.stream().sorted(java.util.Comparator.comparingLong(c -> c.sequence)).toList(), query));
        }
        assertThat(store.indexedSlices()).isEqualTo(distinctSlices(kept));
    }

    @Test
    void companiesSharingANameAreFoundExactlyThroughEvictionsAndRenames() {
        Random random = new Random(11);
        CompanyStore store = new CompanyStore(12);
        List<Company> created = new ArrayList<>();
        created.add(store.create(named("Lonely Unique Bank")));
        for (int i = 0; i < 200; i++) {
            created.add(store.create(named("wrk-company-" + i % 4)));
            if (i % 7 == 0) {
                Company any = created.get(created.size() - 1 - random.nextInt(Math.min(created.size(), 12)));
                store.update(any, named(i % 2 == 0 ? "wrk-company-" + random.nextInt(6) : "ACME " + i));
            }
            List<Company> kept = kept(store, created);
            for (String query : new String[] {"wrk-company-", "company-3", "ny-5", "acme", "lonely", "1"}) {
                assertThat(ids(store.search(query))).as("query '%s' after %d creates", query, i)
                        .isEqualTo(scan(kept.stream().sorted(java.util.Comparator.comparingLong(c -> c.sequence)).toList(), query));
            }
            assertThat(store.indexedSlices()).isEqualTo(distinctSlices(kept));
        }
        assertThat(store.search("lonely")).isEmpty();
    }

    @Test
    void theIndexEstimateFollowsTheNamesAndCompaniesKept() {
        CompanyStore store = new CompanyStore(5);
        long empty = store.indexBytes();
        for (int i = 0; i < 5; i++) {
            store.create(named("First Name Group"));
        }
        long oneName = store.indexBytes();
        assertThat(oneName).isGreaterThan(empty);
        for (int i = 0; i < 5; i++) {
            store.create(named("Other name entirely"));
        }
        CompanyStore fresh = new CompanyStore(5);
        for (int i = 0; i < 5; i++) {
            fresh.create(named("Other name entirely"));
        }
        assertThat(store.indexBytes()).isEqualTo(fresh.indexBytes());
        assertThat(store.search("first")).isEmpty();
    }

    @Test
    void searchesDuringRenamesListEachKeptCompanyOnceAndOnlyIfItsNameMatches() throws Exception {
        CompanyStore store = new CompanyStore(50);
        List<Company> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(store.create(named("shared name " + i % 3)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> renamer = pool.submit(() -> {
                Random random = new Random(3);
                for (int i = 0; i < 20_000; i++) {
                    store.update(created.get(random.nextInt(created.size())), named("shared name " + random.nextInt(3)));
                }
            });
            List<Future<?>> searchers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                searchers.add(pool.submit(() -> {
                    while (!renamer.isDone()) {
                        List<Company> found = store.search("shared name");
                        assertThat(new HashSet<>(found)).hasSameSizeAs(found);
                        assertThat(found).hasSizeLessThanOrEqualTo(50)
                                .allSatisfy(c -> assertThat(store.get(c.id)).contains(c));
                    }
                }));
            }
            renamer.get();
            for (Future<?> f : searchers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids(store.search("shared name"))).isEqualTo(ids(created));
        assertThat(store.indexedSlices()).isEqualTo(distinctSlices(created));
    }
}
