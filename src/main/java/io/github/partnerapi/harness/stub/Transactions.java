package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transfers and withdrawals: created pending with the amount and fee taken from the wallet, then
 * approved or rejected by a core-client action (rejected or expired ones are refunded); and
 * sweeps between two wallets, which settle at once.
 */
final class Transactions {

    private final CompanyStore store;
    private final CoreClientStore clients;

    Transactions(CompanyStore store, CoreClientStore clients) {
        this.store = store;
        this.clients = clients;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("createTransfer", call -> create(call, "transferOut", "counterparty_wallet_address"));
        handlers.put("createWithdrawal", call -> create(call, "withdraw", "address"));
        handlers.put("getTransfer", call -> read(call, "transferOut"));
        handlers.put("getWithdrawal", call -> read(call, "withdraw"));
        handlers.put("createSweep", this::sweep);
        handlers.put("getSweep", this::readSweep);
    }

    private StubResponse create(ApiCall call, String type, String addressField) {
        return Companies.withCompany(store, call, company -> store.locked(() -> {
            Wallet wallet = store.wallets.get(call.text("wallet_id"));
            if (wallet == null || !wallet.companyId.equals(company.id)) {
                return StubResponse.notFound("no wallet " + call.text("wallet_id") + " in company " + company.id);
            }
            Tx existing = byPartnerId(company, type, call.text("partner_txID"));
            if (existing != null) {
                return StubResponse.ok(Map.of("tx_id", existing.id, "status", "existing"));
            }
            long amount = call.field("send").path("amount").asLong();
            String problem = spendProblem(wallet, call.field("send").path("symbol").asText(), amount + Assets.fee(amount),
                    type.equals("withdraw") ? "withdrawal" : "transfer");
            Map<String, String> info = info(call, "address", call.text(addressField));
            problem = problem != null ? problem
                    : store.admit(company, "transactions", company.transactions.size(), 700 + Sizes.of(info)).orElse(null);
            if (problem != null) {
                return StubResponse.badRequest(problem);
            }
            Tx tx = new Tx(clients.nextId("1x"), type, wallet, amount, Assets.fee(amount), info, call.number("expires"));
            wallet.balance -= amount + tx.fee;
            company.transactions.put(tx.id, tx);
            Wallet.CustodyGroup group = type.equals("withdraw") ? wallet.withdraw : wallet.tx;
            tx.actionIds.addAll(clients.requestApproval(tx,
                    type.equals("withdraw") ? "ApproveWithdraw" : "ApproveTransfer", group.members()));
            return StubResponse.ok(Map.of("tx_id", tx.id, "status", "new"));
        }));
    }

    /** The 400 reason when a wallet cannot send {@code total} of {@code symbol}, else null. */
    static String spendProblem(Wallet wallet, String symbol, long total, String what) {
        if (!wallet.holds(symbol)) {
            return "body field '/send/symbol': wallet " + wallet.id + " holds " + wallet.asset + ", not " + symbol;
        }
        return wallet.overdraft(total, what);
    }

    private static Tx byPartnerId(Company company, String type, String partnerTxId) {
        if (partnerTxId.isEmpty()) {
            return null;
        }
        return company.transactions.values().stream()
                .filter(tx -> tx.type.equals(type) && tx.info("partner_txID").equals(partnerTxId))
                .findFirst().orElse(null);
    }

    private static Map<String, String> info(ApiCall call, String key, String value) {
        Map<String, String> info = new LinkedHashMap<>();
        for (String field : List.of("reference", "benefit_of", "account_no", "partner_txID")) {
            info.put(field, call.text(field));
        }
        info.put(key, value);
        return info;
    }

    private StubResponse read(ApiCall call, String type) {
        return Companies.withCompany(store, call, company -> store.locked(() -> {
            Tx tx = company.transactions.get(call.path("tx_id"));
            if (tx == null || !tx.type.equals(type)) {
                return StubResponse.notFound("no " + (type.equals("withdraw") ? "withdrawal " : "transfer ")
                        + call.path("tx_id") + " in company " + company.id);
            }
            return StubResponse.ok(TxViews.info(tx, company, clients));
        }));
    }

    private StubResponse sweep(ApiCall call) {
        return store.locked(() -> {
            if (!clients.clients.containsKey(call.path("client_id"))) {
                return StubResponse.notFound("no core client " + call.path("client_id"));
            }
            Wallet from = store.wallets.get(call.text("wallet_id"));
            Wallet to = store.wallets.get(call.text("recipient_wallet_id"));
            if (from == null || to == null) {
                return StubResponse.notFound("no wallet " + (from == null ? call.text("wallet_id")
                        : call.text("recipient_wallet_id")));
            }
            long amount = call.field("send").path("amount").asLong();
            String problem = spendProblem(from, call.field("send").path("symbol").asText(), amount, "sweep");
            if (problem != null) {
                return StubResponse.badRequest(problem);
            }
            Map<String, String> info = info(call, "recipient_wallet_id", to.id);
            info.put("client_id", call.path("client_id"));
            Tx sweep = new Tx(clients.nextId("1x"), "transferOut", from, amount, 0, info, call.number("expires"));
            from.balance -= amount;
            to.balance += amount;
            sweep.settle(Tx.APPROVED);
            clients.addSweep(sweep);
            return StubResponse.ok(Map.of("tx_id", sweep.id, "status", "new"));
        });
    }

    private StubResponse readSweep(ApiCall call) {
        return store.locked(() -> {
            Tx sweep = clients.sweeps.get(call.path("tx_id"));
            if (sweep == null || !sweep.info("client_id").equals(call.path("client_id"))) {
                return StubResponse.notFound("no sweep " + call.path("tx_id") + " of core client " + call.path("client_id"));
            }
            return StubResponse.ok(TxViews.sweep(sweep));
        });
    }
}
