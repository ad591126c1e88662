package io.github.partnerapi.harness.signing;

/**
 * A key could not be read or is not usable for Partner API signing. The message names the source
 * (usually a file) and what was expected; it never contains key material.
 *
 * <pre>{@code
 * try {
 *     PemKeys.readPrivateKey(Path.of("private.pem"), null);
 * } catch (KeyLoadException e) {
 *     System.err.println(e.getMessage()); // "private.pem: the key is encrypted; give its password"
 * }
 * }</pre>
 */
public class KeyLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyLoadException(String message) {
        super(message);
    }

    public KeyLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
