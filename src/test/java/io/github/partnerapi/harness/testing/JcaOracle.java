package io.github.partnerapi.harness.testing;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Verifies an x-sign with the JDK's own Signature, independent of the project's signing code. */
public final class JcaOracle {

    private JcaOracle() {
    }

    public static boolean verifies(PublicKey key, String freshness, String url, byte[] body, String xSign) {
        return verifies(key, freshness, url.getBytes(StandardCharsets.UTF_8), body, xSign);
    }

    public static boolean verifies(PublicKey key, String freshness, byte[] url, byte[] body, String xSign) {
        try {
            Signature jca = Signature.getInstance("SHA256withRSA");
            jca.initVerify(key);
            jca.update(freshness.getBytes(StandardCharsets.US_ASCII));
            jca.update(url);
            jca.update(body);
            return jca.verify(Base64.getUrlDecoder().decode(xSign));
        } catch (Exception e) {
            return false;
        }
    }

    /** Verifies a request as recorded: freshness header, url = http:// + Host + target, raw body. */
    public static boolean verifies(PublicKey key, RecordingServer.Recorded r) {
        String freshness = r.header("x-timestamp") != null ? r.header("x-timestamp") : r.header("x-nonce");
        String xSign = r.header("x-sign");
        return freshness != null && xSign != null
                && verifies(key, freshness, r.url().getBytes(StandardCharsets.ISO_8859_1), r.body(), xSign);
    }
}
