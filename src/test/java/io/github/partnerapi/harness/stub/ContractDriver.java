package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.partnerapi.harness.stub.StubClient.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Drives operations one after another in dependency order, feeding the ids earlier answers gave
 * (fields named like the path parameters, the wallets a fund creation listed) into later paths
 * and bodies: the way a contract check or an independent probe walks the API.
 */
final class ContractDriver {

    /** Every operation, creators before readers, updates and deletes. */
    static final List<String> ORDER = List.of("listAssets", "calculateFees", "listExchanges", "createCompany",
            "getCompany", "updateCompany", "searchCompanies", "addTrustedParty", "listTrustedParties", "createFund",
            "getFund", "searchFunds", "getFundDepositAddresses", "addFundWhitelistEntry", "getFundWhitelist",
            "addFundAssets", "addFundWallets", "getHoldings", "getWallet", "getWalletHistory", "getWalletMax",
            "updateWalletPolicy", "createCoreClient", "listCoreClients", "createTransfer", "getTransfer",
            "createWithdrawal", "getWithdrawal", "getFundLedger", "listCoreClientActions", "getCoreClientAction",
            "approveCoreClientAction", "rejectCoreClientAction", "getActionMessages", "approveAction", "rejectAction",
            "listCoreClientWallets", "createSweep", "getSweep", "signWithCoreClient", "verifyCoreClientSignature",
            "initCoreClientOnboarding", "finishCoreClientOnboarding", "makeAtomicSwap", "getAtomicSwapMake",
            "addToLiquidityHub", "getCompanyLiquidityHub", "getLiquidityHub", "takeAtomicSwap", "getAtomicSwapTake",
            "cancelAtomicSwap", "deleteTrustedParty");

    /** One exchange: what was sent and what came back. */
    record Exchange(String method, String path, String body, Answer answer) {
    }

    private final StubClient client;
    private final Map<String, String> ids = new HashMap<>();
    private final List<String> wallets = new ArrayList<>();

    ContractDriver(StubClient client) {
        this.client = client;
    }

    /**
     * Sends {@code template} (a path below the base, with {parameters}) with {@code example} as the
     * body after putting the known ids in; remembers the ids the answer gives.
     */
    Exchange send(String operationId, String method, String template, JsonNode example) {
        String path = template;
        for (Map.Entry<String, String> id : pathIds(operationId).entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        String body = example == null ? null : fill(operationId, example.deepCopy()).toString();
        Answer answer = client.signed(method, path, body);
        harvest(answer.json());
        return new Exchange(method, path, body, answer);
    }

    private Map<String, String> pathIds(String operationId) {
        Map<String, String> known = new HashMap<>(ids);
        if (!wallets.isEmpty()) {
            known.put("wallet_id", wallets.get(0));
        }
        if (operationId.equals("getAtomicSwapMake") || operationId.equals("cancelAtomicSwap")) {
            known.put("tx_id", ids.get("swap_id"));
        }
        return known;
    }

    private JsonNode fill(String operationId, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        BiFunction<String, String, String> pick = (field, fallback) -> switch (field) {
            case "wallet_id", "send_wallet_id" -> wallets.isEmpty() ? fallback : wallets.get(0);
            case "receive_wallet_id", "recipient_wallet_id" -> wallets.size() < 2 ? fallback : wallets.get(1);
            case "tx_id" -> operationId.equals("addToLiquidityHub") ? ids.getOrDefault("swap_id", fallback) : fallback;
            case "signer_id" -> ids.getOrDefault("client_id", fallback);
            case "swap_id", "signature_hex" -> ids.getOrDefault(field, fallback);
            default -> fallback;
        };
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (object.get(field).isTextual()) {
                object.put(field, pick.apply(field, object.get(field).asText()));
            }
        }
        return object;
    }

    private void harvest(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual() && !value.asText().isEmpty()
                        && (name.endsWith("_id") || name.equals("signature_hex"))) {
                    if (name.equals("wallet_id") && !wallets.contains(value.asText())) {
                        wallets.add(value.asText());
                    }
                    ids.put(name, value.asText());
                }
                harvest(value);
            }
        } else if (node.isArray()) {
            node.forEach(this::harvest);
        }
    }
}
