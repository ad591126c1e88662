package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.PemKeys;
import java.nio.file.Path;
import java.security.PrivateKey;
import picocli.CommandLine.Option;

/** {@code --key} and {@code --key-password-env}, shared by the commands that sign. */
final class KeyOptions {

    @Option(names = "--key", defaultValue = "private.pem", paramLabel = "FILE",
            description = "Private key: PEM (PKCS#1, PKCS#8, encrypted) or OpenSSH (default: ${DEFAULT-VALUE}).")
    Path key;

    @Option(names = "--key-password-env", paramLabel = "VAR",
            description = "Name of an environment variable that holds the key's password.")
    String passwordVariable;

    PrivateKey privateKey() {
        return PemKeys.readPrivateKey(key, password());
    }

    private char[] password() {
        if (passwordVariable == null) {
            return null;
        }
        String value = System.getenv(passwordVariable);
        if (value == null) {
            throw new CliException("environment variable " + passwordVariable
                    + " (named by --key-password-env) is not set; export it with the key's password");
        }
        return value.toCharArray();
    }
}
