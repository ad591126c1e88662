package io.github.partnerapi.harness.stub;

import java.time.Instant;

/** An atomic-swap offer (make) or its acceptance (take); state changes only under the store's lock. */
final class Swap {

    final String id;
    final String companyId;
    final String kind;
    final Wallet send;
    final Wallet receive;
    final String sendSymbol;
    final long sendAmount;
    final String receiveSymbol;
    final long receiveAmount;
    final String reference;
    final long expires;
    final long created = Instant.now().getEpochSecond();
    /** open, taken or cancelled for a make; taken for a take. */
    String state;
    boolean inHub;
    long addedToHub;
    /** A make's held send amount, in the ledger as a pending swapOut until taken (approved) or cancelled. */
    Tx hold;
    /** For a take, the offer taken; for a make, the take that took it. */
    String counterpart = "";

    Swap(String id, String companyId, String kind, Wallet send, Wallet receive, String[] symbols, long[] amounts,
            String reference, long expires) {
        this.id = id;
        this.companyId = companyId;
        this.kind = kind;
        this.send = send;
        this.receive = receive;
        this.sendSymbol = symbols[0];
        this.receiveSymbol = symbols[1];
        this.sendAmount = amounts[0];
        this.receiveAmount = amounts[1];
        this.reference = reference;
        this.expires = expires;
        this.state = kind.equals("make") ? "open" : "taken";
    }
}
