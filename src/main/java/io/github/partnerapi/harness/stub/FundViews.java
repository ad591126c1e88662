package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of funds, wallets, policies and ledger entries (build them under the store's lock). */
final class FundViews {

    private FundViews() {
    }

    static Map<String, Object> fund(Company company, Fund fund) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fund_id", fund.id);
        view.put("name", fund.name);
        view.put("description", fund.description);
        view.put("custodygroup_withdraw", fund.withdraw.id());
        view.put("custodygroup_tx", fund.tx.id());
        view.put("policy_withdraw", policy(fund.withdraw, company));
        view.put("policy_tx", policy(fund.tx, company));
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("id", company.id);
        owner.put("name", company.name());
        owner.put("type", "company");
        view.put("members", List.of(Map.of("entity", owner, "permissions",
                Map.of("admin", true, "withdraw", true, "transfer", true, "swap", true))));
        view.put("assets", new ArrayList<>(fund.assets));
        List<Map<String, Object>> wallets = new ArrayList<>();
        fund.wallets.values().forEach(w -> wallets.add(wallet(w, company)));
        view.put("wallets", wallets);
        return view;
    }

    static Map<String, Object> walletRef(Wallet wallet) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("wallet_id", wallet.id);
        ref.put("name", wallet.name);
        ref.put("asset", wallet.asset);
        return ref;
    }

    static Map<String, Object> wallet(Wallet wallet, Company company) {
        Map<String, Object> view = walletRef(wallet);
        view.put("fund_id", wallet.fundId);
        view.put("type", wallet.type);
        view.put("status", "ready");
        view.put("address", wallet.address);
        view.put("address_type", wallet.address.startsWith("0x") ? "EOA" : "P2WPKH");
        view.put("short_code", wallet.shortCode());
        view.put("balance", wallet.balance);
        view.put("custodygroup_withdraw", wallet.withdraw.id());
        view.put("custodygroup_tx", wallet.tx.id());
        view.put("policy_withdraw", policy(wallet.withdraw, company));
        view.put("policy_tx", policy(wallet.tx, company));
        view.put("connected", List.of());
        return view;
    }

    static Map<String, Object> policy(Wallet.CustodyGroup group, Company company) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", group.id());
        view.put("name", group.name());
        view.put("threshold", group.threshold());
        List<Map<String, Object>> members = new ArrayList<>();
        group.members().forEach(id -> members.add(entity(id, company)));
        view.put("members", members);
        return view;
    }

    /** A custody member: a core client, one of the company's trusted parties, or else a user. */
    private static Map<String, Object> entity(String id, Company company) {
        Map<String, Object> party = company == null ? null : company.trustedParties.get(id);
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("name", party == null ? id : party.get("name").toString());
        entity.put("type", id.startsWith(CoreClientStore.ID_PREFIX) ? "core-client"
                : party == null ? "user" : party.get("type").toString().equals("company") ? "company" : "user");
        return entity;
    }

    static Map<String, Object> deposits(Fund fund) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Wallet wallet : fund.wallets.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("wallet_id", wallet.id);
            entry.put("asset", wallet.asset);
            entry.put("address", wallet.address);
            entry.put("balance", wallet.balance);
            list.add(entry);
        }
        return Map.of("total_count", list.size(), "list", list);
    }

    static Map<String, Object> ledgerItem(Tx tx, long now) {
        tx.expireIfDue(now);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("TxID", tx.id);
        item.put("chainTxID", tx.state.equals(Tx.APPROVED) ? "stub" + tx.id.toLowerCase() : "");
        item.put("fundID", tx.wallet.fundId);
        item.put("timestamp", tx.created);
        item.put("expireTime", tx.expires);
        item.put("status", tx.state);
        item.put("type", tx.type);
        item.put("asset", tx.wallet.asset);
        item.put("amount", tx.amount + tx.fee);
        item.put("fees", tx.fee);
        item.put("netAmount", tx.amount);
        item.put("counterpartyID", tx.info("counterparty"));
        item.put("counterpartyName", "");
        item.put("address", tx.info("address"));
        item.put("reference", tx.info("reference"));
        item.put("benefitOf", tx.info("benefit_of"));
        item.put("accountNo", tx.info("account_no"));
        return item;
    }
}
