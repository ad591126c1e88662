package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of a transfer or withdrawal and of a sweep (build them under the store's lock). */
final class TxViews {

    private TxViews() {
    }

    static Map<String, Object> info(Tx tx, Company company, CoreClientStore clients) {
        tx.expireIfDue(Instant.now().getEpochSecond());
        List<Map<String, Object>> approvals = new ArrayList<>();
        int approved = 0;
        for (String actionId : tx.actionIds) {
            CoreClientStore.Action action = clients.actions.get(actionId);
            if (action == null) {
                continue;
            }
            clients.refresh(action);
            approved += action.status.equals("approved") ? 1 : 0;
            approvals.add(approval(action));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tx_id", tx.id);
        view.put("tx_state", tx.state);
        view.put("approver_count", approved);
        view.put("expires", tx.expires);
        view.put("initiated_timestamp", tx.created);
        view.put("initiator_authorized", true);
        view.put("initiator_name", company.name());
        view.put("reference", tx.info("reference"));
        view.put("status", approvals);
        view.put("status_details", details(tx, company));
        view.put("threshold_required", 1);
        return view;
    }

    private static Map<String, Object> approval(CoreClientStore.Action action) {
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("action_id", action.id);
        approval.put("status", action.status);
        approval.put("timestamp", action.timestamp);
        approval.put("user_id", action.clientId == null ? "" : action.clientId);
        approval.put("username", action.clientId == null ? "any core client" : action.clientId);
        return approval;
    }

    private static Map<String, Object> details(Tx tx, Company company) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wallet_id", tx.wallet.id);
        details.put("fund_id", tx.wallet.fundId);
        details.put("asset", tx.wallet.asset);
        details.put("amount", tx.amount + tx.fee);
        details.put("fees", tx.fee);
        details.put("net_amount", tx.amount);
        details.put("expires", tx.expires);
        details.put("recipient_address", tx.info("address"));
        details.put("reference", tx.info("reference"));
        details.put("benefit_of", tx.info("benefit_of"));
        details.put("account_no", tx.info("account_no"));
        details.put("requested_by", company.name());
        return details;
    }

    static Map<String, Object> sweep(Tx sweep) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wallet_id", sweep.wallet.id);
        details.put("recipient_wallet_id", sweep.info("recipient_wallet_id"));
        details.put("asset", sweep.wallet.asset);
        details.put("amount", sweep.amount);
        details.put("fees", 0);
        details.put("net_amount", sweep.amount);
        details.put("expires", sweep.expires);
        details.put("reference", sweep.info("reference"));
        details.put("requested_by", sweep.info("client_id"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tx_id", sweep.id);
        view.put("tx_status", sweep.state);
        view.put("approver_count", 0);
        view.put("expires", sweep.expires);
        view.put("initiated_timestamp", sweep.created);
        view.put("reference", sweep.info("reference"));
        view.put("status", List.of());
        view.put("status_details", details);
        view.put("threshold_required", 0);
        return view;
    }
}
