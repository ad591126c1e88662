package io.github.partnerapi.harness.stub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed list of supported assets served by {@code GET /assets}. */
final class Assets {

    private static final Map<String, Object> LIST = Map.of("assets", List.of(
            asset("BTC", "Bitcoin", "BTC", 100_000_000L),
            asset("BTC-TESTNET", "Bitcoin Testnet", "BTC-TEST", 100_000_000L),
            asset("ETH", "Ethereum", "ETH", 1_000_000_000L),
            asset("ETH-TESTNET", "Ethereum Testnet", "ETH-TEST", 1_000_000_000L)));

    private Assets() {
    }

    static Map<String, Object> list() {
        return LIST;
    }

    private static Map<String, Object> asset(String code, String name, String unit, long scale) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("code", code);
        asset.put("name", name);
        asset.put("unitCode", unit);
        asset.put("scale", scale);
        asset.put("enabled", true);
        return asset;
    }
}
