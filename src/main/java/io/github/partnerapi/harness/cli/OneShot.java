package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.CryptoProviders;
import java.util.Set;

/**
 * Process settings for the command line's own JVM (never for a test's or a user's): a command that
 * signs or verifies a handful of times gets the JDK's provider, because loading the native one and
 * its self-tests costs more than those few signatures; the servers and the load generator keep the
 * automatic choice. {@code -Dpartnerapi.crypto.provider=...} still decides when given.
 */
final class OneShot {

    static final Set<String> LONG_RUNNING = Set.of("stub", "bench-stub", "proxy");

    private OneShot() {
    }

    static void configure(String... args) {
        Class<?> command = LazyCommands.subcommandFor(args);
        String name = command == null ? null : command.getAnnotation(picocli.CommandLine.Command.class).name();
        if (System.getProperty(CryptoProviders.PROPERTY) == null && (name == null || !LONG_RUNNING.contains(name))) {
            System.setProperty(CryptoProviders.PROPERTY, "jdk");
        }
    }
}
