package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed catalogue: supported assets, connectable exchanges, and the fee rule. */
final class Assets {

    /** The stub's fee on transfers and withdrawals: 0.1 % of the amount, rounded up, at least 1. */
    static final long FEE_DIVISOR = 1000;

    private static final Map<String, Object> LIST;

    static {
        Map<String, Object> assets = new LinkedHashMap<>();
        for (Map<String, Object> asset : List.of(asset("BTC", "Bitcoin", "BTC", 100_000_000L),
                asset("BTC-TESTNET", "Bitcoin Testnet", "BTC-TEST", 100_000_000L),
                asset("ETH", "Ethereum", "ETH", 1_000_000_000L),
                asset("ETH-TESTNET", "Ethereum Testnet", "ETH-TEST", 1_000_000_000L))) {
            assets.put(asset.get("code").toString(), asset);
        }
        LIST = Map.of("assets", assets);
    }

    private static final Map<String, Object> EXCHANGES = Map.of("exchanges", List.of(
            Map.of("id", "1eXCHANGExSTUBxEXCHANGExONE", "name", "Stub Exchange One",
                    "url", "https://exchange-one.invalid", "logourl", "https://exchange-one.invalid/logo.png"),
            Map.of("id", "1eXCHANGExSTUBxEXCHANGExTWO", "name", "Stub Exchange Two",
                    "url", "https://exchange-two.invalid", "logourl", "https://exchange-two.invalid/logo.png")));

    private Assets() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("listAssets", call -> StubResponse.ok(LIST));
        handlers.put("listExchanges", call -> StubResponse.ok(EXCHANGES));
        handlers.put("calculateFees", Assets::fees);
    }

    static long fee(long amount) {
        return Math.max(1, (amount + FEE_DIVISOR - 1) / FEE_DIVISOR);
    }

    /** The largest amount whose amount + fee fits in {@code balance}. */
    static long maxNet(long balance) {
        long net = Math.max(0, balance - fee(balance));
        while (net > 0 && net + fee(net) > balance) {
            net--;
        }
        while (net + 1 + fee(net + 1) <= balance) {
            net++;
        }
        return net;
    }

    private static StubResponse fees(ApiCall call) {
        long amount = call.number("amount");
        long fees = call.text("type").equals("swap") ? 0 : fee(amount);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("netAmount", amount);
        answer.put("amountToSend", amount + fees);
        answer.put("fees", fees);
        return StubResponse.ok(answer);
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
