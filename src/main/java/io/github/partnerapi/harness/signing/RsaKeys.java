package io.github.partnerapi.harness.signing;

import java.security.Key;
import java.security.interfaces.RSAKey;

/** Checks that a key is RSA and large enough. */
final class RsaKeys {

    static final int MIN_BITS = 2048;

    private RsaKeys() {
    }

    static void requireUsableRsa(Key key, String source) {
        if (!(key instanceof RSAKey)) {
            throw new KeyLoadException(source + ": expected an RSA key, found a "
                    + key.getAlgorithm() + " key; the Partner API signs with RSA (SHA256withRSA) only");
        }
        int bits = ((RSAKey) key).getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new KeyLoadException(source + ": the RSA key has " + bits
                    + " bits; at least " + MIN_BITS + " are required (make one with: keygen --out DIR)");
        }
    }
}
