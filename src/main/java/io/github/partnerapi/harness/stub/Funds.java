package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code /company/{id}/fund[/{fund_id}]}. */
final class Funds {

    private Funds() {
    }

    static StubResponse route(String method, String path, String[] s, Company company, JsonBody body, AtomicLong ids) {
        if (s.length == 3) {
            return PartnerApiRoutes.only("POST", method, path, () -> create(company, body, ids));
        }
        if (s.length == 4) {
            return PartnerApiRoutes.only("GET", method, path, () -> {
                Map<String, Object> fund = company.funds.get(s[3]);
                return fund == null ? StubResponse.notFound("no fund " + s[3]) : StubResponse.ok(fund);
            });
        }
        return StubResponse.notFound("no such path: " + path);
    }

    private static StubResponse create(Company company, JsonBody body, AtomicLong ids) {
        return body.requireObject("name").map(StubResponse::badRequest).orElseGet(() -> {
            String fundId = Ids.next("1f", ids.incrementAndGet());
            Map<String, Object> fund = new LinkedHashMap<>();
            fund.put("fund_id", fundId);
            fund.put("name", body.fields().get("name"));
            fund.put("description", body.fields().getOrDefault("description", ""));
            fund.put("custodygroup_withdraw", Ids.next("1w", ids.incrementAndGet()));
            fund.put("custodygroup_tx", Ids.next("1x", ids.incrementAndGet()));
            company.funds.put(fundId, fund);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("fund_id", fundId);
            response.put("custodygroup_withdraw", fund.get("custodygroup_withdraw"));
            response.put("custodygroup_tx", fund.get("custodygroup_tx"));
            return StubResponse.ok(response);
        });
    }
}
