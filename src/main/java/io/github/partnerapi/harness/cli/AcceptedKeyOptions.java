package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.ApiKey;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --api-key} and {@code --api-key-file}: the key a server ({@code stub}, {@code proxy}) accepts. */
final class AcceptedKeyOptions {

    @Option(names = "--api-key", paramLabel = "K", description = "The API key to accept.")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "F", description = "File holding the API key to accept.")
    Path apiKeyFile;

    boolean given() {
        return apiKey != null || apiKeyFile != null;
    }

    boolean both() {
        return apiKey != null && apiKeyFile != null;
    }

    /** The key from whichever option was given; call only when {@link #given()}. */
    ApiKey read() {
        return apiKey != null ? ApiKey.of(apiKey) : ApiKey.fromFile(apiKeyFile);
    }

    /** Runs a builder setting; its {@code IllegalArgumentException} becomes a usage error naming the option. */
    static void apply(CommandSpec spec, String option, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
