package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Wallets: detail, history, the most they can send, their policy; and a fund's ledger. */
final class Wallets {

    private final CompanyStore store;

    Wallets(CompanyStore store) {
        this.store = store;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("getWallet", call -> withWallet(call, w -> StubResponse.ok(
                FundViews.wallet(w, store.get(w.companyId).orElse(null)))));
        handlers.put("getWalletHistory", call -> withWallet(call, w -> history(w, call)));
        handlers.put("getWalletMax", call -> withWallet(call, w -> max(w, call)));
        handlers.put("getFundLedger", call -> Funds.withFund(store, call, (c, f) -> ledger(c, f, call)));
        handlers.put("updateWalletPolicy", call -> Funds.withFund(store, call, (c, f) -> policy(c, f, call)));
    }

    private StubResponse withWallet(ApiCall call, Function<Wallet, StubResponse> action) {
        String id = call.path("wallet_id");
        return store.locked(() -> {
            Wallet wallet = store.wallets.get(id);
            return wallet == null ? StubResponse.notFound("no wallet " + id) : action.apply(wallet);
        });
    }

    /** The wallet's transactions, newest first. */
    private List<Tx> transactions(Company company, Function<Tx, Boolean> filter) {
        List<Tx> list = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (Tx tx : company.transactions.values()) {
            tx.expireIfDue(now);
            if (filter.apply(tx)) {
                list.add(tx);
            }
        }
        list.sort(Comparator.comparingLong((Tx tx) -> tx.created).reversed());
        return list;
    }

    private StubResponse history(Wallet wallet, ApiCall call) {
        double since = Double.parseDouble(call.query("since", "0"));
        Company company = store.get(wallet.companyId).orElse(null);
        List<Map<String, Object>> history = new ArrayList<>();
        if (company != null) {
            for (Tx tx : transactions(company, tx -> tx.wallet == wallet && tx.created > since)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("wallet_id", wallet.id);
                item.put("tx_id", tx.id);
                item.put("chain_tx_id", tx.state.equals(Tx.APPROVED) ? "stub" + tx.id.toLowerCase() : "");
                item.put("asset", wallet.asset);
                item.put("amount", tx.outgoing() ? -(tx.amount + tx.fee) : tx.amount);
                item.put("fee", tx.fee);
                item.put("net_amount", tx.amount);
                item.put("timestamp", tx.created);
                history.add(item);
            }
        }
        return StubResponse.ok(Map.of("history", history));
    }

    private static StubResponse max(Wallet wallet, ApiCall call) {
        boolean swap = call.query("tx_type", "transfer").equals("swap");
        long net = swap ? wallet.balance : Assets.maxNet(wallet.balance);
        long fees = swap ? 0 : Assets.fee(net);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("netAmount", net);
        answer.put("amountToSend", net + fees);
        answer.put("fees", fees);
        return StubResponse.ok(answer);
    }

    private StubResponse ledger(Company company, Fund fund, ApiCall call) {
        String asset = call.query("asset", null);
        String walletId = call.query("wallet_id", null);
        String direction = call.query("direction", "all");
        List<Tx> list = transactions(company, tx -> tx.wallet.fundId.equals(fund.id)
                && (asset == null || tx.wallet.asset.equalsIgnoreCase(asset))
                && (walletId == null || tx.wallet.id.equals(walletId))
                && (direction.equals("all") || direction.equals("out") == tx.outgoing()));
        int offset = (int) Math.min(Long.parseLong(call.query("offset", "0")), list.size());
        int limit = Integer.parseInt(call.query("limit", "100"));
        long now = Instant.now().getEpochSecond();
        List<Map<String, Object>> items = new ArrayList<>();
        list.subList(offset, Math.min(list.size(), offset + limit)).forEach(tx -> items.add(FundViews.ledgerItem(tx, now)));
        return StubResponse.ok(Map.of("Total", list.size(), "List", items));
    }

    private static StubResponse policy(Company company, Fund fund, ApiCall call) {
        Wallet wallet = fund.wallets.get(call.path("wallet_id"));
        if (wallet == null) {
            return StubResponse.notFound("no wallet " + call.path("wallet_id") + " in fund " + fund.id);
        }
        int threshold = (int) call.number("threshold");
        int members = call.field("members").size();
        if (threshold > members) {
            return StubResponse.badRequest("body field 'threshold': " + threshold + " approvals asked of "
                    + members + " members; at most the number of members was expected");
        }
        boolean tx = call.text("type").equals("policy-tx");
        Wallet.CustodyGroup before = tx ? wallet.tx : wallet.withdraw;
        String id = call.text("policy_id").isEmpty() ? before.id() : call.text("policy_id");
        List<String> ids = new ArrayList<>();
        call.field("members").forEach(m -> ids.add(m.asText()));
        Wallet.CustodyGroup group = new Wallet.CustodyGroup(id, before.name(), threshold, List.copyOf(ids));
        if (tx) {
            wallet.tx = group;
        } else {
            wallet.withdraw = group;
        }
        return PartnerApiRoutes.noBody();
    }
}
