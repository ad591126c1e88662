package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A company's trusted network: list, add, remove; bounded per company by count and bytes. */
final class TrustedParties {

    private final CompanyStore store;
    private final AtomicLong ids = new AtomicLong();

    TrustedParties(CompanyStore store) {
        this.store = store;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("listTrustedParties", call -> Companies.withCompany(store, call, this::list));
        handlers.put("addTrustedParty", call -> Companies.withCompany(store, call, c -> add(c, call)));
        handlers.put("deleteTrustedParty", call -> Companies.withCompany(store, call, c -> delete(c, call)));
    }

    private StubResponse add(Company company, ApiCall call) {
        String id = Ids.next("1t", ids.incrementAndGet());
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("trustedparty_id", id);
        party.put("trusted_entity_id", id);
        party.put("name", call.text("name"));
        party.put("address", call.text("address"));
        party.put("type", call.text("type").isEmpty() ? "user" : call.text("type"));
        party.put("created", Instant.now().getEpochSecond());
        return store.locked(() -> store.admit(company, "trusted parties", company.trustedParties.size(), Sizes.of(party))
                .map(StubResponse::badRequest)
                .orElseGet(() -> {
                    company.trustedParties.put(id, party);
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("code", 200);
                    answer.put("msg", "ok");
                    answer.put("trustedparty_id", id);
                    answer.put("trusted_entity_id", id);
                    return StubResponse.ok(answer);
                }));
    }

    private StubResponse delete(Company company, ApiCall call) {
        String id = call.path("trustedparty_id");
        boolean removed = store.locked(() -> company.trustedParties.remove(id) != null);
        return removed ? new StubResponse(202, Map.of("code", 202, "msg", "accepted"))
                : StubResponse.notFound("no trusted party " + id + " in company " + company.id);
    }

    private StubResponse list(Company company) {
        List<Map<String, Object>> parties = store.locked(() -> new ArrayList<>(company.trustedParties.values()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("company_id", company.id);
        result.put("total_count", parties.size());
        result.put("list", parties);
        return StubResponse.ok(result);
    }
}
