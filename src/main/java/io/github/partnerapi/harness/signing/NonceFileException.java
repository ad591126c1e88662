package io.github.partnerapi.harness.signing;

import java.nio.file.Path;

/**
 * The nonce file of an API key cannot be created, read, written or locked. Nonce mode needs it to
 * keep the processes of this machine from sending nonces out of order.
 *
 * <pre>{@code
 * try (NonceSequences.Lease lease = NonceSequences.forApiKey(key).lease()) { ... }
 * catch (NonceFileException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class NonceFileException extends RuntimeException {

    NonceFileException(Path file, Exception cause) {
        super("cannot use the nonce file " + file + " (" + describe(cause) + "); nonce mode keeps the last nonce of "
                + "each API key there so that every process of this machine sends them in order: make the folder "
                + "writable, or choose another with -D" + NonceSequences.DIR_PROPERTY + "=DIR or "
                + NonceSequences.DIR_ENV + "=DIR, or send x-timestamp instead", cause);
    }

    private static String describe(Exception cause) {
        if (cause instanceof java.io.IOException) {
            return IoReasons.of((java.io.IOException) cause);
        }
        return cause.getMessage() == null ? "an error without a message" : cause.getMessage();
    }
}
