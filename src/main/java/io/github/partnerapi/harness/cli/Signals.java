package io.github.partnerapi.harness.cli;

import sun.misc.Signal;

/** SIGINT and SIGTERM end a long-running command cleanly (exit 0) instead of killing the JVM. */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // this platform has no such signal; the JVM's default handling stays
            }
        }
    }
}
