package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Companies: create, read, update, search, and their holdings over all wallets. */
final class Companies {

    private static final List<String> STORED = List.of("name", "city", "country", "domain", "ref");
    private final CompanyStore store;

    Companies(CompanyStore store) {
        this.store = store;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("createCompany", this::create);
        handlers.put("getCompany", call -> withCompany(store, call, c -> StubResponse.ok(view(c))));
        handlers.put("updateCompany", call -> withCompany(store, call, c -> update(c, call)));
        handlers.put("searchCompanies", this::search);
        handlers.put("getHoldings", call -> withCompany(store, call, this::holdings));
    }

    /** Runs {@code action} on the company the path names, or answers 404. */
    static StubResponse withCompany(CompanyStore store, ApiCall call, Function<Company, StubResponse> action) {
        String id = call.path("company_id");
        return store.get(id).map(action).orElseGet(() -> StubResponse.notFound("no company " + id));
    }

    private StubResponse create(ApiCall call) {
        Map<String, Object> fields = fields(call.body());
        Company company = store.create(fields);
        return StubResponse.ok(Map.of("company_id", company.id, "ref", fields.get("ref")));
    }

    private StubResponse update(Company company, ApiCall call) {
        Map<String, Object> fields = fields(call.body());
        return store.update(company, fields).map(StubResponse::badRequest)
                .orElseGet(() -> StubResponse.ok(Map.of("company_id", company.id, "ref", fields.get("ref"))));
    }

    /** The described fields of the body, as sent (unknown ones are dropped, company_id the store gives); ref "" when absent. */
    private static Map<String, Object> fields(JsonNode body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : STORED) {
            if (body.path(name).isTextual()) {
                fields.put(name, body.get(name).asText());
            }
        }
        fields.putIfAbsent("ref", "");
        return fields;
    }

    static Map<String, Object> view(Company company) {
        Map<String, Object> view = new LinkedHashMap<>(company.fields);
        view.put("company_id", company.id);
        return view;
    }

    private StubResponse search(ApiCall call) {
        List<Company> matches = store.search(call.query("query", ""));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Company company : matches) {
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("company_id", company.id);
            match.put("name", company.name());
            match.put("domain", company.fields.getOrDefault("domain", ""));
            list.add(match);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total_count", matches.size());
        result.put("matches", list);
        return StubResponse.ok(result);
    }

    private StubResponse holdings(Company company) {
        Map<String, Long> byAsset = store.locked(() -> {
            Map<String, Long> sums = new TreeMap<>();
            company.funds.values().forEach(f -> f.wallets.values().forEach(w -> sums.merge(w.asset, w.balance, Long::sum)));
            return sums;
        });
        List<Map<String, Object>> holdings = new ArrayList<>();
        byAsset.forEach((asset, amount) -> holdings.add(Map.of("code", asset, "amount", amount)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total_count", holdings.size());
        result.put("holdings", holdings);
        return StubResponse.ok(result);
    }
}
