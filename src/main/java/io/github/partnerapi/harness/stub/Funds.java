package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/** Funds: create with custody groups and wallets, read, search, deposit addresses, whitelist, assets, wallets. */
final class Funds {

    static final AtomicLong IDS = new AtomicLong();
    private static final ObjectMapper SPEC = new ObjectMapper();
    private final CompanyStore store;

    Funds(CompanyStore store) {
        this.store = store;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("createFund", call -> Companies.withCompany(store, call, c -> create(c, call)));
        handlers.put("getFund", call -> withFund(store, call, (c, f) -> StubResponse.ok(FundViews.fund(c, f))));
        handlers.put("searchFunds", call -> Companies.withCompany(store, call, c -> search(c, call)));
        handlers.put("getFundDepositAddresses", call -> withFund(store, call, (c, f) -> StubResponse.ok(FundViews.deposits(f))));
        handlers.put("getFundWhitelist", call -> withFund(store, call, (c, f) -> whitelist(f, call)));
        handlers.put("addFundWhitelistEntry", call -> withFund(store, call, (c, f) -> addWhitelist(c, f, call)));
        handlers.put("addFundAssets", call -> withFund(store, call, (c, f) -> addAssets(c, f, call)));
        handlers.put("addFundWallets", call -> withFund(store, call, (c, f) -> addWallets(c, f, call)));
    }

    /** Runs {@code action} under the store's lock on the company and fund the path names, or answers 404. */
    static StubResponse withFund(CompanyStore store, ApiCall call, BiFunction<Company, Fund, StubResponse> action) {
        return Companies.withCompany(store, call, company -> store.locked(() -> {
            Fund fund = company.funds.get(call.path("fund_id"));
            return fund == null ? StubResponse.notFound("no fund " + call.path("fund_id") + " in company " + company.id)
                    : action.apply(company, fund);
        }));
    }

    private StubResponse create(Company company, ApiCall call) {
        return store.locked(() -> {
            Fund fund = new Fund(Ids.next("1f", IDS.incrementAndGet()), company.id, call.text("name"),
                    call.text("description"), group(call.field("custodygroup_withdraw"), "withdraw", null),
                    group(call.field("custodygroup_tx"), "transfer", null));
            Optional<String> problem = store.admit(company, "funds", company.funds.size(), 600 + Sizes.of(fund.name)
                    + Sizes.of(fund.description) + Sizes.of(fund.withdraw.members()) + Sizes.of(fund.tx.members()));
            if (problem.isPresent()) {
                return StubResponse.badRequest(problem.get());
            }
            company.funds.put(fund.id, fund);
            List<Map<String, Object>> wallets = new ArrayList<>();
            for (JsonNode spec : call.field("wallets")) {
                Wallet wallet = newWallet(company, fund, spec);
                if (wallet == null) {
                    return StubResponse.badRequest("fund " + fund.id + " was created, but not all its wallets: "
                            + "the stub's per-company limits were reached");
                }
                wallets.add(FundViews.walletRef(wallet));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("fund_id", fund.id);
            answer.put("custodygroup_withdraw", fund.withdraw.id());
            answer.put("custodygroup_tx", fund.tx.id());
            answer.put("wallets", wallets);
            return StubResponse.ok(answer);
        });
    }

    /** A custody group from a body's {@code {threshold, members}}, or {@code fallback}, or an empty one. */
    static Wallet.CustodyGroup group(JsonNode spec, String kind, Wallet.CustodyGroup fallback) {
        if (spec == null || !spec.isObject()) {
            return fallback != null ? fallback
                    : new Wallet.CustodyGroup(Ids.next("1g", IDS.incrementAndGet()), kind + " policy", 1, List.of());
        }
        List<String> members = new ArrayList<>();
        spec.path("members").forEach(m -> members.add(m.asText()));
        return new Wallet.CustodyGroup(Ids.next("1g", IDS.incrementAndGet()), kind + " policy",
                spec.path("threshold").asInt(1), List.copyOf(members));
    }

    /** A new wallet with the test balance, recorded as a deposit; null when a limit stops it (call locked). */
    Wallet newWallet(Company company, Fund fund, JsonNode spec) {
        long bytes = 1400 + Sizes.of(spec.toString());
        if (company.transactions.size() >= store.limits.perCollection()
                || store.admit(company, "wallets", fund.wallets.size(), bytes).isPresent()) {
            return null;
        }
        String asset = spec.path("asset").asText("").toUpperCase(Locale.ROOT);
        Wallet wallet = new Wallet(Ids.next("1w", IDS.incrementAndGet()), fund, spec.path("name").asText(""),
                asset, spec.path("type").asInt(0));
        wallet.withdraw = group(spec.path("custodygroup_withdraw"), "withdraw", fund.withdraw);
        wallet.tx = group(spec.path("custodygroup_tx"), "transfer", fund.tx);
        wallet.balance = store.limits.initialBalance();
        fund.wallets.put(wallet.id, wallet);
        fund.assets.add(asset);
        store.wallets.put(wallet.id, wallet);
        Tx deposit = new Tx(Ids.next("1x", IDS.incrementAndGet()), "deposit", wallet, wallet.balance, 0,
                Map.of("address", wallet.address, "reference", "stub test balance"), 0);
        company.transactions.put(deposit.id, deposit);
        return wallet;
    }

    private StubResponse search(Company company, ApiCall call) {
        String needle = call.query("query", "").toLowerCase(Locale.ROOT);
        List<Map<String, Object>> list = store.locked(() -> {
            List<Map<String, Object>> matches = new ArrayList<>();
            for (Fund fund : company.funds.values()) {
                if (fund.name.toLowerCase(Locale.ROOT).contains(needle)) {
                    matches.add(Map.of("id", fund.id, "fund_id", fund.id, "name", fund.name));
                }
            }
            return matches;
        });
        return StubResponse.ok(Map.of("total_count", list.size(), "list", list));
    }

    private static StubResponse whitelist(Fund fund, ApiCall call) {
        String address = call.query("address", null);
        String asset = call.query("asset", null);
        List<Map<String, Object>> list = fund.whitelist.stream()
                .filter(e -> address == null || e.get("address").equals(address))
                .filter(e -> asset == null || e.get("asset").toString().equalsIgnoreCase(asset))
                .toList();
        return StubResponse.ok(Map.of("total_count", list.size(), "list", list));
    }

    private StubResponse addWhitelist(Company company, Fund fund, ApiCall call) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", call.text("name"));
        entry.put("asset", call.text("asset"));
        entry.put("address", call.text("address"));
        return store.admit(company, "whitelist entries", fund.whitelist.size(), Sizes.of(entry))
                .map(StubResponse::badRequest).orElseGet(() -> {
                    fund.whitelist.add(entry);
                    return StubResponse.ok(Map.of("code", 200, "msg", "ok"));
                });
    }

    private StubResponse addAssets(Company company, Fund fund, ApiCall call) {
        List<String> ids = new ArrayList<>();
        for (JsonNode asset : call.field("assets")) {
            String code = asset.asText().toUpperCase(Locale.ROOT);
            if (!fund.assets.contains(code)) {
                Wallet wallet = newWallet(company, fund, SPEC.valueToTree(Map.of("name", code + " wallet", "asset", code)));
                if (wallet == null) {
                    return StubResponse.badRequest("the stub's per-company limits stop a new wallet for " + code);
                }
            }
            fund.wallets.values().stream().filter(w -> w.asset.equals(code)).forEach(w -> ids.add(w.id));
        }
        return StubResponse.ok(Map.of("wallets", ids));
    }

    private StubResponse addWallets(Company company, Fund fund, ApiCall call) {
        List<String> ids = new ArrayList<>();
        for (JsonNode spec : call.field("wallets")) {
            Wallet wallet = newWallet(company, fund, spec);
            if (wallet == null) {
                return StubResponse.badRequest("the stub's per-company limits stop more wallets; created: " + ids);
            }
            ids.add(wallet.id);
        }
        return StubResponse.ok(Map.of("wallets", ids));
    }
}
