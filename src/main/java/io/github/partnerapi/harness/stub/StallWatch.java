package io.github.partnerapi.harness.stub;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes body streams that deliver no byte for a while, so that a reader blocked on a stalled
 * upstream gets an {@link IOException} instead of hanging (the JDK client's timeout ends at the headers).
 */
final class StallWatch implements AutoCloseable {

    private final long limitNanos;
    private final Set<Watched> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "verifying-proxy-stall-watch");
        thread.setDaemon(true);
        return thread;
    });

    StallWatch(Duration limit) {
        this.limitNanos = limit.toNanos();
        long period = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        timer.scheduleAtFixedRate(this::closeStalled, period, period, TimeUnit.MILLISECONDS);
    }

    InputStream watch(InputStream in) {
        Watched watched = new Watched(in);
        active.add(watched);
        return watched;
    }

    private void closeStalled() {
        long now = System.nanoTime();
        for (Watched watched : active) {
            if (now - watched.lastProgress > limitNanos) {
                watched.stalled = true;
                watched.quietClose();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        active.forEach(Watched::quietClose);
    }

    private final class Watched extends FilterInputStream {
        volatile long lastProgress = System.nanoTime();
        volatile boolean stalled;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                lastProgress = System.nanoTime();
                return n;
            } catch (IOException e) {
                if (stalled) {
                    throw new IOException("the upstream sent no byte of its body for "
                            + Duration.ofNanos(limitNanos).toMillis() + " ms", e);
                }
                throw e;
            }
        }

        void quietClose() {
            try {
                close();
            } catch (IOException e) {
                // closing is all that is asked
            }
        }

        @Override
        public void close() throws IOException {
            active.remove(this);
            super.close();
        }
    }
}
