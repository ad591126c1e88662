package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.RoutesHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every store is bounded by count and by estimated bytes; what passes a limit is refused or evicted. */
class StoreBudgetTest {

    @Test
    void aCollectionOverItsCountIsA400NamingTheLimit() {
        RoutesHarness api = new RoutesHarness(StoreLimits.defaults().withPerCollection(3));
        String company = api.company("Counted");
        for (int i = 0; i < 3; i++) {
            api.ok("POST", "/company/" + company + "/trustedparty", "{\"address\":\"p" + i + "@example.com\"}");
        }
        assertError(api.send("POST", "/company/" + company + "/trustedparty", "{\"address\":\"p4@example.com\"}"), 400,
                "at most 3 trusted parties");
        assertThat(api.ok("GET", "/company/" + company + "/trustedparty", null).path("total_count").asInt()).isEqualTo(3);
    }

    @Test
    void aCompanyOverItsByteBudgetIsA400NamingTheLimit() {
        RoutesHarness api = new RoutesHarness(StoreLimits.defaults().withCompanyBytes(8 * 1024));
        String company = api.company("Bytes");
        int added = 0;
        StubResponse last;
        do {
            last = api.send("POST", "/company/" + company + "/trustedparty",
                    "{\"address\":\"" + "a".repeat(250) + added + "\",\"name\":\"" + "n".repeat(250) + "\"}");
            added++;
        } while (last.status() == 200 && added < 100);
        assertError(last, 400, "limit of 8192 bytes per company");
        assertThat(added).isBetween(2, 20);
        assertThat(api.store.totalBytes()).isLessThanOrEqualTo(8 * 1024);
    }

    @Test
    void theOldestCompaniesGoWhenTheStorePassesItsByteBudget() {
        CompanyStore store = new CompanyStore(StoreLimits.defaults().withStoreBytes(256 * 1024));
        List<CompanyStore.Company> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            created.add(store.create(Map.of("name", "company " + i, "city", "c".repeat(2000))));
        }
        assertThat(store.totalBytes()).isLessThanOrEqualTo(256 * 1024);
        assertThat(store.size()).isBetween(10, 100);
        assertThat(store.get(created.get(0).id)).isEmpty();
        assertThat(store.get(created.get(199).id)).isPresent();
    }

    @Test
    void theSearchIndexHasItsOwnByteBudget() {
        CompanyStore store = new CompanyStore(StoreLimits.defaults().withIndexBytes(200 * 1024));
        for (int i = 0; i < 2000; i++) {
            store.create(Map.of("name", "n" + i + " " + Long.toString(i * 7919L, 36).repeat(20)));
        }
        long estimated = (long) store.indexedSlices() * NameIndex.SLICE_BYTES;
        assertThat(estimated).isLessThanOrEqualTo(200 * 1024);
        assertThat(store.size()).isLessThan(2000);
    }

    @Test
    void walletsAndSwapsOfAnEvictedCompanyAreGoneToo() {
        RoutesHarness api = new RoutesHarness(StoreLimits.defaults().withMaxCompanies(1));
        String[] fund = api.fund(api.company("First"));
        api.company("Second");
        assertError(api.send("GET", "/wallet/" + fund[2], null), 404, "no wallet");
        assertThat(api.store.wallets).isEmpty();
    }
}
