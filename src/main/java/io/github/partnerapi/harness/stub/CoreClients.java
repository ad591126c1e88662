package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CoreClientStore.Action;
import io.github.partnerapi.harness.stub.CoreClientStore.Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Core clients: register, list, their actions (approve by PUT, reject by DELETE) and wallets. */
final class CoreClients {

    private final CompanyStore store;
    private final CoreClientStore clients;

    CoreClients(CompanyStore store, CoreClientStore clients) {
        this.store = store;
        this.clients = clients;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("createCoreClient", call -> store.locked(() ->
                StubResponse.ok(view(clients.add(clients.nextId(CoreClientStore.ID_PREFIX), call.text("name"))))));
        handlers.put("listCoreClients", call -> store.locked(this::list));
        handlers.put("listCoreClientActions", call -> withClient(call, this::actions));
        handlers.put("getCoreClientAction", call -> withAction(call, true, a -> a));
        handlers.put("approveCoreClientAction", call -> withAction(call, true, a -> clients.decide(a, true)));
        handlers.put("rejectCoreClientAction", call -> withAction(call, true, a -> clients.decide(a, false)));
        handlers.put("listCoreClientWallets", call -> withClient(call, this::wallets));
        handlers.put("getActionMessages", call -> withAction(call, false, a -> a, this::messages));
        handlers.put("approveAction", call -> withAction(call, false, a -> clients.decide(a, true),
                a -> PartnerApiRoutes.noBody()));
        handlers.put("rejectAction", call -> withAction(call, false, a -> clients.decide(a, false),
                a -> PartnerApiRoutes.noBody()));
        new CoreClientSigning(store, clients).register(handlers);
    }

    private StubResponse withClient(ApiCall call, Function<Client, StubResponse> action) {
        return store.locked(() -> {
            Client client = clients.clients.get(call.path("client_id"));
            return client == null ? StubResponse.notFound("no core client " + call.path("client_id")) : action.apply(client);
        });
    }

    private StubResponse withAction(ApiCall call, boolean scoped, Function<Action, Action> change) {
        return withAction(call, scoped, change, a -> StubResponse.ok(view(a)));
    }

    /** Finds the action (of the client, when the path names one), applies {@code change}, answers {@code answer}. */
    private StubResponse withAction(ApiCall call, boolean scoped, Function<Action, Action> change,
            Function<Action, StubResponse> answer) {
        return store.locked(() -> {
            String clientId = call.path("client_id");
            if (scoped && !clients.clients.containsKey(clientId)) {
                return StubResponse.notFound("no core client " + clientId);
            }
            Action action = clients.actions.get(call.path("action_id"));
            if (action == null || scoped && !action.visibleTo(clientId)) {
                return StubResponse.notFound("no action " + call.path("action_id")
                        + (scoped ? " for core client " + clientId : ""));
            }
            clients.refresh(action);
            return answer.apply(change.apply(action));
        });
    }

    static Map<String, Object> view(Client client) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", client.id());
        view.put("client_id", client.id());
        view.put("name", client.name());
        view.put("feed", "ws://127.0.0.1/api/v1/p/coreclient/feed (not served by the stub)");
        view.put("timestamp", String.valueOf(client.created()));
        return view;
    }

    private StubResponse list() {
        List<Map<String, Object>> list = new ArrayList<>();
        clients.clients.values().forEach(c -> list.add(view(c)));
        return StubResponse.ok(Map.of("count", list.size(), "clients", list));
    }

    private StubResponse actions(Client client) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Action action : clients.actions.values()) {
            if (action.visibleTo(client.id())) {
                clients.refresh(action);
                list.add(view(action));
            }
        }
        return StubResponse.ok(Map.of("count", list.size(), "actions", list));
    }

    private Map<String, Object> view(Action action) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", action.id);
        view.put("action_id", action.id);
        view.put("tx_id", action.tx == null ? "" : action.tx.id);
        view.put("type", action.type);
        view.put("status", action.status);
        view.put("timestamp", action.timestamp);
        view.put("expireTime", action.expireTime);
        return view;
    }

    private StubResponse messages(Action action) {
        String subject = action.tx == null ? "no transaction (a sample action)" : action.tx.type + " " + action.tx.id
                + " of " + action.tx.amount + " " + action.tx.wallet.asset + " from wallet " + action.tx.wallet.id;
        return StubResponse.ok(Map.of("action_id", action.id, "messages",
                List.of(action.type + ": " + subject, "expires " + action.expireTime)));
    }

    /** Wallets whose transfer or withdrawal custody group names the core client. */
    private StubResponse wallets(Client client) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Wallet wallet : store.wallets.values()) {
            if (wallet.tx.members().contains(client.id()) || wallet.withdraw.members().contains(client.id())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("wallet_id", wallet.id);
                entry.put("action_id", "");
                entry.put("status", "approved");
                entry.put("expires", 0);
                list.add(entry);
            }
        }
        return StubResponse.ok(Map.of("wallets", list));
    }
}
