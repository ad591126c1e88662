package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CompanyStore.Company;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Atomic swaps and the liquidity hub. A make holds its send amount; a take pays the offer's
 * receive amount from the taker's send wallet (its asset is not checked: the stub keeps one
 * balance per wallet) and settles both sides at once; a cancel releases an open offer.
 */
final class AtomicSwaps {

    private final CompanyStore store;

    AtomicSwaps(CompanyStore store) {
        this.store = store;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("makeAtomicSwap", call -> locked(call, c -> make(c, call)));
        handlers.put("getAtomicSwapMake", call -> locked(call, c -> read(c, call, "make")));
        handlers.put("cancelAtomicSwap", call -> locked(call, c -> cancel(c, call)));
        handlers.put("takeAtomicSwap", call -> locked(call, c -> take(c, call)));
        handlers.put("getAtomicSwapTake", call -> locked(call, c -> read(c, call, "take")));
        handlers.put("getCompanyLiquidityHub", call -> locked(call, c -> StubResponse.ok(hub(c))));
        handlers.put("addToLiquidityHub", call -> locked(call, c -> addToHub(c, call)));
        handlers.put("getLiquidityHub", call -> store.locked(() -> StubResponse.ok(hub(null))));
    }

    private StubResponse locked(ApiCall call, Function<Company, StubResponse> action) {
        return Companies.withCompany(store, call, company -> store.locked(() -> action.apply(company)));
    }

    private Wallet own(Company company, String id) {
        Wallet wallet = store.wallets.get(id);
        return wallet != null && wallet.companyId.equals(company.id) ? wallet : null;
    }

    private StubResponse make(Company company, ApiCall call) {
        Wallet send = own(company, call.text("send_wallet_id"));
        Wallet receive = own(company, call.text("receive_wallet_id"));
        if (send == null || receive == null) {
            return StubResponse.notFound("no wallet " + (send == null ? call.text("send_wallet_id")
                    : call.text("receive_wallet_id")) + " in company " + company.id);
        }
        long sendAmount = call.field("send").path("amount").asLong();
        String problem = Transactions.spendProblem(send, call.field("send").path("symbol").asText(), sendAmount, "swap");
        problem = problem != null ? problem
                : store.admit(company, "swaps", company.swaps.size(), 1800 + Sizes.of(call.text("reference"))).orElse(null);
        if (problem != null) {
            return StubResponse.badRequest(problem);
        }
        Swap swap = new Swap(Ids.next("1s", Funds.IDS.incrementAndGet()), company.id, "make", send, receive,
                new String[] {call.field("send").path("symbol").asText(), call.field("receive").path("symbol").asText()},
                new long[] {sendAmount, call.field("receive").path("amount").asLong()}, call.text("reference"),
                call.number("expires"));
        swap.hold = leg(company, "swapOut", send, sendAmount, swap);
        send.balance -= sendAmount;
        swap.inHub = call.field("add_to_liquidity_hub").asBoolean(false);
        swap.addedToHub = swap.inHub ? swap.created : 0;
        company.swaps.put(swap.id, swap);
        store.swaps.put(swap.id, swap);
        return StubResponse.ok(Map.of("tx_id", swap.id, "swap_id", swap.id, "status", "new",
                "tx_url", StubHandler.API_BASE + "/company/" + company.id + "/atomicswap/make/" + swap.id));
    }

    private StubResponse take(Company company, ApiCall call) {
        Swap offer = store.swaps.get(call.text("swap_id"));
        if (offer == null || !offer.kind.equals("make")) {
            return StubResponse.notFound("no swap offer " + call.text("swap_id"));
        }
        if (!offer.state.equals("open")) {
            return StubResponse.badRequest("body field 'swap_id': swap " + offer.id + " is " + offer.state
                    + "; an open offer was expected");
        }
        Wallet send = own(company, call.text("send_wallet_id"));
        Wallet receive = own(company, call.text("receive_wallet_id"));
        if (send == null || receive == null) {
            return StubResponse.notFound("no wallet " + (send == null ? call.text("send_wallet_id")
                    : call.text("receive_wallet_id")) + " in company " + company.id);
        }
        String problem = send.overdraft(offer.receiveAmount, "take of swap " + offer.id);
        problem = problem != null ? problem
                : store.admit(company, "swaps", company.swaps.size(), 1800 + Sizes.of(call.text("reference"))).orElse(null);
        if (problem != null) {
            return StubResponse.badRequest(problem);
        }
        Swap take = new Swap(Ids.next("1s", Funds.IDS.incrementAndGet()), company.id, "take", send, receive,
                new String[] {offer.receiveSymbol, offer.sendSymbol}, new long[] {offer.receiveAmount, offer.sendAmount},
                call.text("reference"), offer.expires);
        settle(company, offer, take);
        return StubResponse.ok(Map.of("tx_id", take.id, "status", "new"));
    }

    /** Both sides at once: the taker pays the offer's receive amount, the maker's held amount goes to the taker. */
    private void settle(Company company, Swap offer, Swap take) {
        take.send.balance -= offer.receiveAmount;
        leg(company, "swapOut", take.send, offer.receiveAmount, take).settle(Tx.APPROVED);
        offer.receive.balance += offer.receiveAmount;
        store.get(offer.companyId).ifPresent(maker -> leg(maker, "swapIn", offer.receive, offer.receiveAmount, offer));
        take.receive.balance += offer.sendAmount;
        leg(company, "swapIn", take.receive, offer.sendAmount, take);
        offer.hold.settle(Tx.APPROVED);
        offer.state = "taken";
        offer.inHub = false;
        offer.counterpart = take.id;
        take.counterpart = offer.id;
        company.swaps.put(take.id, take);
        store.swaps.put(take.id, take);
    }

    private StubResponse cancel(Company company, ApiCall call) {
        Swap swap = company.swaps.get(call.path("tx_id"));
        if (swap == null || !swap.kind.equals("make")) {
            return StubResponse.notFound("no swap offer " + call.path("tx_id") + " in company " + company.id);
        }
        String message = "cancelled";
        if (swap.state.equals("open")) {
            swap.state = "cancelled";
            swap.inHub = false;
            swap.hold.settle(Tx.REJECTED);
        } else {
            message = "nothing to cancel: the offer is " + swap.state;
        }
        return new StubResponse(202, Map.of("code", 202, "msg", message));
    }

    private StubResponse read(Company company, ApiCall call, String kind) {
        Swap swap = company.swaps.get(call.path("tx_id"));
        if (swap == null || !swap.kind.equals(kind)) {
            return StubResponse.notFound("no swap " + kind + " " + call.path("tx_id") + " in company " + company.id);
        }
        return PartnerApiRoutes.noBody();
    }

    /** A swap leg in the company's ledger (its count is within the company's limits: swaps are admitted first). */
    private static Tx leg(Company company, String type, Wallet wallet, long amount, Swap swap) {
        Tx tx = new Tx(Ids.next("1x", Funds.IDS.incrementAndGet()), type, wallet, amount, 0,
                Map.of("reference", swap.reference, "counterparty", swap.id), 0);
        company.transactions.put(tx.id, tx);
        return tx;
    }

    private StubResponse addToHub(Company company, ApiCall call) {
        Swap swap = company.swaps.get(call.text("tx_id"));
        if (swap == null || !swap.kind.equals("make")) {
            return StubResponse.notFound("no swap offer " + call.text("tx_id") + " in company " + company.id);
        }
        if (!swap.state.equals("open")) {
            return StubResponse.badRequest("body field 'tx_id': swap " + swap.id + " is " + swap.state
                    + "; an open offer was expected");
        }
        if (!swap.inHub) {
            swap.inHub = true;
            swap.addedToHub = Instant.now().getEpochSecond();
        }
        return StubResponse.ok(Map.of("code", 200, "msg", "ok"));
    }

    /** Open offers in the hub, keyed by tx_id; {@code owner} marks the company's own (all false for null). */
    private Map<String, Object> hub(Company company) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Swap swap : store.swaps.values()) {
            if (swap.inHub && swap.state.equals("open")) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("tx_id", swap.id);
                item.put("send_asset", swap.sendSymbol);
                item.put("send_amount", swap.sendAmount);
                item.put("receive_asset", swap.receiveSymbol);
                item.put("receive_amount", swap.receiveAmount);
                item.put("owner", company != null && swap.companyId.equals(company.id));
                item.put("added", swap.addedToHub);
                item.put("expires", swap.expires);
                items.put(swap.id, item);
            }
        }
        return Map.of("items", items);
    }
}
