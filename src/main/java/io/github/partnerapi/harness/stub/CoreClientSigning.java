package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.CoreClientStore.Client;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A core client's signing and registration. The stub signs with an HMAC-SHA256 under the client's
 * secret (a stand-in for the real BLS signature): verify accepts exactly what sign produced.
 */
final class CoreClientSigning {

    private final CompanyStore store;
    private final CoreClientStore clients;

    CoreClientSigning(CompanyStore store, CoreClientStore clients) {
        this.store = store;
        this.clients = clients;
    }

    void register(Map<String, Handler> handlers) {
        handlers.put("signWithCoreClient", this::sign);
        handlers.put("verifyCoreClientSignature", this::verify);
        handlers.put("initCoreClientOnboarding", this::init);
        handlers.put("finishCoreClientOnboarding", this::finish);
    }

    private StubResponse sign(ApiCall call) {
        return store.locked(() -> {
            Client client = clients.clients.get(call.path("client_id"));
            if (client == null) {
                return StubResponse.notFound("no core client " + call.path("client_id"));
            }
            return StubResponse.ok(Map.of("signature_hex", hmac(client, call.text("message_hash_hex")),
                    "signer_id", client.id()));
        });
    }

    private StubResponse verify(ApiCall call) {
        return store.locked(() -> {
            Client client = clients.clients.get(call.text("signer_id"));
            if (client == null) {
                return StubResponse.notFound("no core client " + call.text("signer_id") + " (body field 'signer_id')");
            }
            byte[] expected = hmac(client, call.text("message_hash_hex")).getBytes(StandardCharsets.US_ASCII);
            byte[] given = call.text("signature_hex").toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                return StubResponse.error(403, "errForbidden", "body field 'signature_hex': not the signature of "
                        + "message_hash_hex by signer " + client.id() + " (sign it with POST /coreclient/{client_id}/sign)");
            }
            return PartnerApiRoutes.noBody();
        });
    }

    private StubResponse init(ApiCall call) {
        return store.locked(() -> {
            String id = clients.nextId(CoreClientStore.ID_PREFIX);
            Map<String, String> registration = new LinkedHashMap<>();
            registration.put("name", call.text("name"));
            registration.put("id_doc_hex", HexFormat.of().formatHex(sha256(id + "|" + call.text("name") + "|"
                    + call.text("blsPublicKey") + "|" + call.text("ecPublicKey"))));
            clients.addRegistration(id, registration);
            return PartnerApiRoutes.noBody();
        });
    }

    /** Registers the latest pending registration as a core client. */
    private StubResponse finish(ApiCall call) {
        return store.locked(() -> {
            String latest = null;
            for (Iterator<String> it = clients.registrations.keySet().iterator(); it.hasNext(); ) {
                latest = it.next();
            }
            if (latest == null) {
                return StubResponse.badRequest("no registration is pending: POST /coreclient/init first");
            }
            Map<String, String> registration = clients.registrations.remove(latest);
            clients.add(latest, registration.get("name"));
            return PartnerApiRoutes.noBody();
        });
    }

    private static String hmac(Client client, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
