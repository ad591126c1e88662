package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory part of the Partner API the stub serves, below {@code /api/v1/p}. */
final class PartnerApiRoutes {

    private final CompanyStore store;
    private final AtomicLong ids = new AtomicLong();

    PartnerApiRoutes(CompanyStore store) {
        this.store = store;
    }

    /** Routes an authenticated request; {@code path} is below {@code /api/v1/p}, without the query. */
    StubResponse handle(String method, String path, Map<String, String> query, JsonBody body) {
        String[] s = path.replaceAll("^/+", "").split("/", -1);
        if (s.length == 1 && s[0].equals("assets")) {
            return only("GET", method, path, () -> StubResponse.ok(Assets.list()));
        }
        if (!s[0].equals("company")) {
            return StubResponse.notFound("no such path: " + path);
        }
        if (s.length == 1) {
            return only("POST", method, path, () -> createCompany(body));
        }
        if (s.length == 2 && s[1].equals("search")) {
            return only("GET", method, path, () -> search(query));
        }
        return store.get(s[1]).map(company -> companyRoute(method, path, s, company, body))
                .orElseGet(() -> s[1].isEmpty() ? StubResponse.notFound("no such path: " + path)
                        : StubResponse.notFound("no company " + s[1]));
    }

    private StubResponse companyRoute(String method, String path, String[] s, Company company, JsonBody body) {
        if (s.length == 2) {
            if (method.equals("GET")) {
                return StubResponse.ok(companyView(company));
            }
            return only("PUT", method, path, () -> updateCompany(company, body));
        }
        if (s[2].equals("trustedparty")) {
            return TrustedParties.route(method, path, s, company, body, ids);
        }
        if (s[2].equals("fund")) {
            return Funds.route(method, path, s, company, body, ids);
        }
        return StubResponse.notFound("no such path: " + path);
    }

    static StubResponse only(String allowed, String method, String path, java.util.function.Supplier<StubResponse> action) {
        return allowed.equals(method) ? action.get() : StubResponse.methodNotAllowed(method, path);
    }

    private StubResponse createCompany(JsonBody body) {
        return body.requireObject("name").map(StubResponse::badRequest).orElseGet(() -> {
            Map<String, Object> fields = body.fields();
            fields.remove("company_id");
            fields.putIfAbsent("ref", "");
            Company company = store.create(fields);
            return StubResponse.ok(Map.of("company_id", company.id, "ref", fields.get("ref")));
        });
    }

    private StubResponse updateCompany(Company company, JsonBody body) {
        return body.requireObject("name").map(StubResponse::badRequest).orElseGet(() -> {
            Map<String, Object> fields = body.fields();
            fields.remove("company_id");
            fields.putIfAbsent("ref", "");
            store.update(company, fields);
            return StubResponse.ok(Map.of("company_id", company.id, "ref", fields.get("ref")));
        });
    }

    private StubResponse search(Map<String, String> query) {
        List<Company> matches = store.search(query.getOrDefault("query", ""));
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

    static Map<String, Object> companyView(Company company) {
        Map<String, Object> view = new LinkedHashMap<>(company.fields);
        view.put("company_id", company.id);
        return view;
    }
}
