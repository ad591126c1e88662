package io.github.partnerapi.harness.stub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One movement of a wallet: a deposit (the test balance), a transfer, a withdrawal, a sweep or a
 * swap leg. Outgoing amounts leave the balance when created and come back if the transaction is
 * rejected or expires. Its state changes only under the store's lock.
 */
final class Tx {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "custody_rejected";
    static final String EXPIRED = "expired";

    final String id;
    /** The ledger's type: deposit, transferOut, transferIn, withdraw, swapOut or swapIn. */
    final String type;
    final Wallet wallet;
    final long amount;
    final long fee;
    /** reference, benefit_of, account_no, partner_txID and the address or counterparty, as sent. */
    final Map<String, String> info;
    final long created = Instant.now().getEpochSecond();
    final long expires;
    final List<String> actionIds = new ArrayList<>();
    String state;

    Tx(String id, String type, Wallet wallet, long amount, long fee, Map<String, String> info, long expires) {
        this.id = id;
        this.type = type;
        this.wallet = wallet;
        this.amount = amount;
        this.fee = fee;
        this.info = info;
        this.expires = expires;
        this.state = type.equals("deposit") || type.endsWith("In") ? APPROVED : PENDING;
    }

    boolean outgoing() {
        return type.equals("transferOut") || type.equals("withdraw") || type.equals("swapOut");
    }

    /** Moves a pending transaction past its expiry to expired, refunding it. */
    void expireIfDue(long now) {
        if (state.equals(PENDING) && expires > 0 && now > expires) {
            settle(EXPIRED);
        }
    }

    /** Decides a pending transaction; a decided one keeps its state. Refunds unless approved. */
    void settle(String decision) {
        if (!state.equals(PENDING)) {
            return;
        }
        state = decision;
        if (!decision.equals(APPROVED) && outgoing()) {
            wallet.balance += amount + fee;
        }
    }

    String info(String key) {
        return info.getOrDefault(key, "");
    }
}
