package io.github.partnerapi.harness.stub;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One wallet of a fund. Its balance and policies change only under the store's lock. */
final class Wallet {

    /** A custody group: who approves, and how many of them must. */
    record CustodyGroup(String id, String name, int threshold, List<String> members) {
    }

    final String id;
    final String companyId;
    final String fundId;
    final String name;
    final String asset;
    final int type;
    final String address;
    final long created = Instant.now().getEpochSecond();
    long balance;
    CustodyGroup withdraw;
    CustodyGroup tx;

    Wallet(String id, Fund fund, String name, String asset, int type) {
        this.id = id;
        this.companyId = fund.companyId;
        this.fundId = fund.id;
        this.name = name;
        this.asset = asset;
        this.type = type;
        this.address = (asset.toUpperCase(Locale.ROOT).startsWith("ETH") ? "0xstub" : "tb1qstub")
                + id.toLowerCase(Locale.ROOT);
    }

    /** Whether a {@code send.symbol} names this wallet's asset, or its main-net code (BTC for BTC-TESTNET). */
    boolean holds(String symbol) {
        String code = symbol.toUpperCase(Locale.ROOT);
        String own = asset.toUpperCase(Locale.ROOT);
        return own.equals(code) || own.startsWith(code + "-");
    }

    /** Three words a person can read out, derived from the id, as the real API shows. */
    String shortCode() {
        String[] words = {"amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "iris", "juniper"};
        int h = Math.abs(id.hashCode());
        return words[h % 10] + " " + words[h / 10 % 10] + " " + words[h / 100 % 10];
    }

    /** The 400 reason when {@code total} is more than the balance, else null. */
    String overdraft(long total, String what) {
        if (total <= balance) {
            return null;
        }
        return "wallet " + id + " holds " + balance + " " + asset + "; the " + what + " needs " + total
                + " (amount + fees): more than the balance";
    }
}
