package io.github.partnerapi.harness.stub;

import static io.github.partnerapi.harness.stub.PartnerApiRoutesTest.transfer;
import static io.github.partnerapi.harness.stub.RoutesHarness.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Balances and life cycles: transfers, withdrawals, swaps and the core-client actions that decide them. */
class MoneyFlowTest {

    final RoutesHarness api = new RoutesHarness(StoreLimits.defaults().withInitialBalance(10_000));
    final String[] fund = api.fund(api.company("Money"));
    final String company = fund[0];
    final String btc = fund[2];
    final String eth = fund[3];

    @Test
    void newWalletsStartWithTheTestBalanceRecordedAsADeposit() {
        assertThat(api.balance(btc)).isEqualTo(10_000);
        JsonNode ledger = api.ok("GET", "/company/" + company + "/fund/" + fund[1] + "/ledger?wallet_id=" + btc, null);
        assertThat(ledger.path("List").get(0).path("type").asText()).isEqualTo("deposit");
        assertThat(ledger.path("List").get(0).path("netAmount").asLong()).isEqualTo(10_000);
        assertThat(api.ok("GET", "/company/" + company + "/holding", null).path("holdings")).hasSize(2);
    }

    @Test
    void spendingMoreThanTheBalanceIsA400WithTheReason() {
        assertError(api.send("POST", "/company/" + company + "/transfer", transfer(btc, 10_000)), 400,
                "wallet " + btc + " holds 10000 BTC-TESTNET", "needs 10010", "more than the balance");
        assertError(api.send("POST", "/company/" + company + "/withdraw", "{\"wallet_id\":\"" + eth + "\",\"address\":"
                + "\"0xabc\",\"expires\":0,\"send\":{\"symbol\":\"ETH-TESTNET\",\"amount\":20000}}"), 400, "more than the balance");
        assertError(api.send("POST", "/company/" + company + "/transfer", transfer(eth, 1)), 400,
                "'/send/symbol'", "holds ETH-TESTNET, not BTC-TESTNET");
        assertThat(api.balance(btc)).isEqualTo(10_000);
    }

    @Test
    void aTransferIsPendingUntilAnActionApprovesIt() {
        String tx = api.ok("POST", "/company/" + company + "/transfer", transfer(btc, 1000)).path("tx_id").asText();
        assertThat(api.balance(btc)).isEqualTo(10_000 - 1001);
        JsonNode info = api.ok("GET", "/company/" + company + "/transfer/" + tx, null);
        assertThat(info.path("tx_state").asText()).isEqualTo("pending");
        String action = info.path("status").get(0).path("action_id").asText();
        String client = api.ok("POST", "/coreclient", "{\"name\":\"approver\"}").path("client_id").asText();
        assertThat(api.ok("GET", "/coreclient/" + client + "/actions", null).findValuesAsText("action_id")).contains(action);
        assertThat(api.ok("PUT", "/coreclient/" + client + "/action/" + action, null).path("status").asText())
                .isEqualTo("approved");
        assertThat(api.ok("DELETE", "/coreclient/" + client + "/action/" + action, null).path("status").asText())
                .as("the first decision stays").isEqualTo("approved");
        assertThat(api.ok("GET", "/company/" + company + "/transfer/" + tx, null).path("tx_state").asText())
                .isEqualTo("approved");
        assertThat(api.balance(btc)).isEqualTo(10_000 - 1001);
    }

    @Test
    void aRejectedWithdrawalIsRefundedAndTheSamePartnerTxIdAnswersTheFirst() {
        String body = "{\"wallet_id\":\"" + btc + "\",\"address\":\"tb1qx\",\"expires\":0,\"partner_txID\":\"p-1\","
                + "\"send\":{\"symbol\":\"BTC\",\"amount\":500}}";
        JsonNode first = api.ok("POST", "/company/" + company + "/withdraw", body);
        JsonNode again = api.ok("POST", "/company/" + company + "/withdraw", body);
        assertThat(first.path("status").asText()).isEqualTo("new");
        assertThat(again.path("status").asText()).isEqualTo("existing");
        assertThat(again.path("tx_id").asText()).isEqualTo(first.path("tx_id").asText());
        String tx = first.path("tx_id").asText();
        String action = api.ok("GET", "/company/" + company + "/withdraw/" + tx, null)
                .path("status").get(0).path("action_id").asText();
        api.ok("DELETE", "/coreclient/action/" + action, null);
        assertThat(api.ok("GET", "/company/" + company + "/withdraw/" + tx, null).path("tx_state").asText())
                .isEqualTo("custody_rejected");
        assertThat(api.balance(btc)).isEqualTo(10_000);
    }

    @Test
    void aCoreClientInTheCustodyGroupIsAskedByName() {
        String client = api.ok("POST", "/coreclient", "{\"name\":\"member\"}").path("client_id").asText();
        api.ok("PUT", "/company/" + company + "/fund/" + fund[1] + "/wallet/" + btc + "/policy",
                "{\"threshold\":1,\"members\":[\"" + client + "\"],\"type\":\"policy-tx\"}");
        assertThat(api.ok("GET", "/coreclient/" + client + "/wallets", null).findValuesAsText("wallet_id")).containsExactly(btc);
        String tx = api.ok("POST", "/company/" + company + "/transfer", transfer(btc, 10)).path("tx_id").asText();
        JsonNode approval = api.ok("GET", "/company/" + company + "/transfer/" + tx, null).path("status").get(0);
        assertThat(approval.path("user_id").asText()).isEqualTo(client);
        String other = api.ok("POST", "/coreclient", "{\"name\":\"other\"}").path("client_id").asText();
        assertError(api.send("GET", "/coreclient/" + other + "/action/" + approval.path("action_id").asText(), null),
                404, "for core client " + other);
    }

    @Test
    void aSwapHoldsTheSendAmountUntilTakenOrCancelled() {
        String[] taker = api.fund(api.company("Taker"));
        String make = "{\"send_wallet_id\":\"" + btc + "\",\"receive_wallet_id\":\"" + eth + "\",\"reference\":\"r\","
                + "\"send\":{\"symbol\":\"BTC-TESTNET\",\"amount\":800},\"receive\":{\"symbol\":\"ETH-TESTNET\",\"amount\":2000}}";
        String swap = api.ok("POST", "/company/" + company + "/atomicswap/make", make).path("swap_id").asText();
        assertThat(api.balance(btc)).isEqualTo(9_200);
        String take = "{\"swap_id\":\"" + swap + "\",\"send_wallet_id\":\"" + taker[3] + "\",\"receive_wallet_id\":\""
                + taker[2] + "\",\"reference\":\"t\"}";
        api.ok("POST", "/company/" + taker[0] + "/atomicswap/take", take);
        assertThat(api.balance(eth)).isEqualTo(12_000);
        assertThat(api.balance(taker[3])).isEqualTo(8_000);
        assertThat(api.balance(taker[2])).isEqualTo(10_800);
        assertError(api.send("POST", "/company/" + taker[0] + "/atomicswap/take", take), 400, "is taken", "open offer");
        assertThat(api.ok("DELETE", "/company/" + company + "/atomicswap/make/" + swap, null).path("msg").asText())
                .contains("nothing to cancel");
        String second = api.ok("POST", "/company/" + company + "/atomicswap/make", make).path("swap_id").asText();
        api.ok("POST", "/company/" + company + "/liquidityhub", "{\"tx_id\":\"" + second + "\"}");
        assertThat(api.ok("GET", "/liquidityhub", null).path("items").has(second)).isTrue();
        api.ok("DELETE", "/company/" + company + "/atomicswap/make/" + second, null);
        assertThat(api.balance(btc)).isEqualTo(9_200);
        assertThat(api.ok("GET", "/liquidityhub", null).path("items").has(second)).isFalse();
    }

    @Test
    void signVerifyAndOnboarding() {
        String client = api.ok("POST", "/coreclient", "{\"name\":\"signer\"}").path("client_id").asText();
        String hash = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
        String signature = api.ok("POST", "/coreclient/" + client + "/sign", "{\"message_hash_hex\":\"" + hash + "\"}")
                .path("signature_hex").asText();
        String verify = "{\"message_hash_hex\":\"" + hash + "\",\"signer_id\":\"" + client + "\",\"signature_hex\":\"";
        assertThat(api.send("POST", "/coreclient/verify", verify + signature + "\"}").status()).isEqualTo(200);
        String firstByteChanged = (signature.startsWith("00") ? "01" : "00") + signature.substring(2);
        assertError(api.send("POST", "/coreclient/verify", verify + firstByteChanged + "\"}"), 403, "signature_hex");
        assertError(api.send("POST", "/coreclient/finish", "{\"idDocSignatureHex\":\"ab\"}"), 400, "init first");
        api.ok("POST", "/coreclient/init", "{\"name\":\"onboarded\"}");
        api.ok("POST", "/coreclient/finish", "{\"idDocSignatureHex\":\"ab\"}");
        assertThat(api.ok("GET", "/coreclient", null).findValuesAsText("name")).contains("onboarded");
    }
}
