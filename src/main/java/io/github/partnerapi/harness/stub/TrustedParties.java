package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /company/{id}/trustedparty[/{id}]}. */
final class TrustedParties {

    private TrustedParties() {
    }

    static StubResponse route(String method, String path, String[] s, Company company, JsonBody body, AtomicLong ids) {
        if (s.length == 3) {
            if (method.equals("GET")) {
                return StubResponse.ok(list(company));
            }
            return PartnerApiRoutes.only("POST", method, path, () -> add(company, body, ids));
        }
        if (s.length == 4) {
            return PartnerApiRoutes.only("DELETE", method, path, () -> company.trustedParties.remove(s[3]) == null
                    ? StubResponse.notFound("no trusted party " + s[3])
                    : StubResponse.ok(Map.of("code", 200, "msg", "ok")));
        }
        return StubResponse.notFound("no such path: " + path);
    }

    private static StubResponse add(Company company, JsonBody body, AtomicLong ids) {
        return body.requireObject("address").map(StubResponse::badRequest).orElseGet(() -> {
            Map<String, Object> party = new LinkedHashMap<>();
            String id = Ids.next("1t", ids.incrementAndGet());
            party.put("trusted_entity_id", id);
            party.put("name", body.fields().getOrDefault("name", ""));
            party.put("address", body.fields().get("address"));
            party.put("type", body.fields().getOrDefault("type", "user"));
            party.put("created", Instant.now().getEpochSecond());
            company.trustedParties.put(id, party);
            return StubResponse.ok(Map.of("code", 200, "msg", "ok", "trusted_entity_id", id));
        });
    }

    private static Map<String, Object> list(Company company) {
        List<Map<String, Object>> parties = new ArrayList<>(company.trustedParties.values());
        parties.sort(Comparator.comparing(p -> p.get("trusted_entity_id").toString()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("company_id", company.id);
        result.put("total_count", parties.size());
        result.put("list", parties);
        return result;
    }
}
