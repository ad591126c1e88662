package io.github.partnerapi.harness.stub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One fund of a company: custody groups, wallets, whitelist and assets, guarded by the store's lock. */
final class Fund {

    final String id;
    final String companyId;
    final String name;
    final String description;
    final Wallet.CustodyGroup withdraw;
    final Wallet.CustodyGroup tx;
    final Map<String, Wallet> wallets = new LinkedHashMap<>();
    final List<Map<String, Object>> whitelist = new ArrayList<>();
    final Set<String> assets = new LinkedHashSet<>();

    Fund(String id, String companyId, String name, String description, Wallet.CustodyGroup withdraw,
            Wallet.CustodyGroup tx) {
        this.id = id;
        this.companyId = companyId;
        this.name = name;
        this.description = description;
        this.withdraw = withdraw;
        this.tx = tx;
    }
}
