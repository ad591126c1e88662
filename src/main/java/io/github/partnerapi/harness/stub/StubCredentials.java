package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated API key and RSA key pair, for a stub that needs no set-up.
 *
 * <pre>{@code
 * StubCredentials creds = StubCredentials.generate();
 * VerifierStub stub = VerifierStub.builder().apiKey(creds.apiKey().value(), creds.keyPair().getPublic()).build();
 * }</pre>
 *
 * @param apiKey the API key (base64, like the ones the Partner API issues)
 * @param keyPair a 2048-bit RSA key pair
 */
public record StubCredentials(ApiKey apiKey, KeyPair keyPair) {

    /** A fresh random API key and 2048-bit key pair. */
    public static StubCredentials generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new StubCredentials(ApiKey.of(Base64.getEncoder().encodeToString(random)), KeyFiles.newKeyPair(2048));
    }

    /**
     * Writes {@code apikey} and {@code private.pem} (mode 600) and {@code public.pem} into {@code dir}, a folder
     * created with mode 700 (an existing one open to others is refused), never through a symbolic link.
     */
    public void writeTo(Path dir) {
        KeyFiles.write(keyPair, dir, true);
        SecretFiles.write(dir.resolve("apikey"), (apiKey.value() + "\n").getBytes(StandardCharsets.US_ASCII), true, true);
    }

    @Override
    public String toString() {
        return "StubCredentials[apiKey=" + apiKey.masked() + "]";
    }
}
