package io.github.partnerapi.harness.stub;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Core clients (automated approvers), their actions, sweeps and pending registrations. Not
 * thread-safe on its own: every call runs under the {@link CompanyStore}'s lock, because deciding
 * an action settles a transaction and so moves a balance. Bounded by count, the oldest dropped
 * first: {@code maxCoreClients} clients, {@code perCollection} actions, a tenth of that of sweeps
 * and of pending registrations (with the description's field lengths, under 16 MiB in all).
 */
final class CoreClientStore {

    static final String ID_PREFIX = "1k";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One core client; its secret keys the stub's stand-in signatures. */
    record Client(String id, String name, long created, byte[] secret) {
    }

    /** An approval asked of a core client (or of any, when {@code clientId} is null). */
    static final class Action {
        final String id;
        final String clientId;
        final String type;
        final Tx tx;
        final long timestamp = Instant.now().getEpochSecond();
        final long expireTime = timestamp + 3600;
        String status = "pending";

        Action(String id, String clientId, String type, Tx tx) {
            this.id = id;
            this.clientId = clientId;
            this.type = type;
            this.tx = tx;
        }

        boolean visibleTo(String client) {
            return clientId == null || clientId.equals(client);
        }
    }

    final Map<String, Client> clients = new LinkedHashMap<>();
    final Map<String, Action> actions = new LinkedHashMap<>();
    final Map<String, Tx> sweeps = new LinkedHashMap<>();
    final Map<String, Map<String, String>> registrations = new LinkedHashMap<>();
    private final StoreLimits limits;
    private final AtomicLong ids = new AtomicLong();

    CoreClientStore(StoreLimits limits) {
        this.limits = limits;
    }

    String nextId(String prefix) {
        return Ids.next(prefix, ids.incrementAndGet());
    }

    /** A new client, with one pending action of each type so that its action routes can be tried at once. */
    Client add(String id, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Client client = new Client(id, name, Instant.now().getEpochSecond(), secret);
        clients.put(client.id(), client);
        while (clients.size() > limits.maxCoreClients()) {
            String oldest = clients.keySet().iterator().next();
            clients.remove(oldest);
            actions.values().removeIf(a -> oldest.equals(a.clientId));
        }
        addAction(new Action(nextId("1a"), client.id(), "ApproveTransfer", null));
        addAction(new Action(nextId("1a"), client.id(), "ApproveWithdraw", null));
        return client;
    }

    /**
     * Asks for the approval of a transaction: one action per core client in its custody group, or
     * one any core client may decide when the group names none. Returns the actions' ids.
     */
    List<String> requestApproval(Tx tx, String type, List<String> members) {
        List<String> asked = new ArrayList<>();
        for (String member : members) {
            if (clients.containsKey(member)) {
                asked.add(addAction(new Action(nextId("1a"), member, type, tx)).id);
            }
        }
        if (asked.isEmpty()) {
            asked.add(addAction(new Action(nextId("1a"), null, type, tx)).id);
        }
        return asked;
    }

    private Action addAction(Action action) {
        actions.put(action.id, action);
        bound(actions);
        return action;
    }

    /** Approves or rejects a pending action and settles its transaction; a decided action keeps its status. */
    Action decide(Action action, boolean approve) {
        refresh(action);
        if (action.status.equals("pending")) {
            action.status = approve ? "approved" : "rejected";
            if (action.tx != null) {
                action.tx.settle(approve ? Tx.APPROVED : Tx.REJECTED);
            }
        }
        return action;
    }

    /** An action whose transaction expired, or that passed its own expiry, shows as expired. */
    void refresh(Action action) {
        long now = Instant.now().getEpochSecond();
        if (action.tx != null) {
            action.tx.expireIfDue(now);
            if (action.status.equals("pending") && !action.tx.state.equals(Tx.PENDING)) {
                action.status = action.tx.state.equals(Tx.EXPIRED) ? "expired"
                        : action.tx.state.equals(Tx.APPROVED) ? "approved" : "rejected";
            }
        } else if (action.status.equals("pending") && now > action.expireTime) {
            action.status = "expired";
        }
    }

    void addSweep(Tx sweep) {
        sweeps.put(sweep.id, sweep);
        bound(sweeps, Math.max(10, limits.perCollection() / 10));
    }

    void addRegistration(String clientId, Map<String, String> registration) {
        registrations.put(clientId, registration);
        bound(registrations, Math.max(10, limits.perCollection() / 10));
    }

    private void bound(Map<String, ?> map) {
        bound(map, limits.perCollection());
    }

    private static void bound(Map<String, ?> map, int max) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > max && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
