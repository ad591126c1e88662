package io.github.partnerapi.harness.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread or process makes true, checking every 10 ms; fails the test, naming
 * what it waited for, when the time is up.
 *
 * <pre>{@code
 * Poll.until("two heads at the upstream", Duration.ofSeconds(30), () -> upstream.heads().size() >= 2);
 * }</pre>
 */
public final class Poll {

    private Poll() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            Thread.sleep(10);
        }
    }
}
