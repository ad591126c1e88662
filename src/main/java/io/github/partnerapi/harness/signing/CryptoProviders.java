package io.github.partnerapi.harness.signing;

import java.security.NoSuchAlgorithmException;
import java.security.Signature;

/** Where {@code SHA256withRSA} instances come from. */
final class CryptoProviders {

    static final String ALGORITHM = "SHA256withRSA";

    private CryptoProviders() {
    }

    static Signature signature() throws NoSuchAlgorithmException {
        return Signature.getInstance(ALGORITHM);
    }
}
