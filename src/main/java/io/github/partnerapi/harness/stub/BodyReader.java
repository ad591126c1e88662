package io.github.partnerapi.harness.stub;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies without holding a thread while the bytes arrive, within two limits: one body's
 * size (413 above it) and the bytes of all bodies held at once (429 above it, so that many large bodies at
 * the same moment cannot exhaust the heap). Memory is counted as it is taken, chunk by chunk: a client that
 * announces 10 MiB and trickles bytes holds only what it sent.
 */
final class BodyReader {

    /** Default budget for the bodies in memory at once: 64 MiB. */
    static final long DEFAULT_IN_FLIGHT = 64L * 1024 * 1024;
    /** The most of a refused body read (and dropped) so that its client can read the answer: 64 MiB. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int FIRST_CAPACITY = 16 * 1024;

    private final long limit;
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    BodyReader(long limit, long budget) {
        this.limit = Math.min(limit, MAX_ARRAY);
        this.budget = budget;
    }

    /** Bytes taken from the budget by the bodies being read now. */
    long held() {
        return inFlight.get();
    }

    /** Reads the body, then hands it (or the answer refusing it) to {@code then}, on some thread. */
    void read(Request request, long declared, Consumer<Body> then) {
        if (declared > limit) {
            refuse(request, declared, 0, tooLarge(), then);
            return;
        }
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            then.accept(Body.EMPTY); // HTTP/1.1: no Content-Length and no Transfer-Encoding is no body
            return;
        }
        new Reading(request, declared, then).run();
    }

    /** One body being read: chunks appended to a growing array whose capacity is counted in the budget. */
    private final class Reading implements Runnable {

        private final Request request;
        private final long declared;
        private final Consumer<Body> then;
        private byte[] bytes = new byte[0];
        private int size;
        private long reserved;

        Reading(Request request, long declared, Consumer<Body> then) {
            this.request = request;
            this.declared = declared;
            this.then = then;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(Body.refused(declared, unreadable(chunk.getFailure())));
                    return;
                }
                StubResponse problem = append(chunk);
                boolean last = chunk.isLast();
                chunk.release();
                if (problem != null) {
                    release();
                    refuse(request, declared, size, problem, then);
                    return;
                }
                if (last) {
                    finish(Body.of(size == bytes.length ? bytes : Arrays.copyOf(bytes, size)));
                    return;
                }
            }
        }

        /** Null when the chunk was appended, else the 413 or 429 that refuses the body. */
        private StubResponse append(Content.Chunk chunk) {
            int n = chunk.remaining();
            if ((long) size + n > limit) {
                return tooLarge();
            }
            if (size + n > bytes.length) {
                // doubling, never past the announced length: the array ends exactly full when the length is known
                long doubled = Math.min(Math.max(FIRST_CAPACITY, 2L * bytes.length), declared > 0 ? declared : limit);
                int wanted = (int) Math.max(size + n, doubled);
                if (!reserve(wanted - bytes.length, reserved)) {
                    return busy();
                }
                reserved += wanted - bytes.length;
                bytes = Arrays.copyOf(bytes, wanted);
            }
            chunk.getByteBuffer().get(bytes, size, n);
            size += n;
            return null;
        }

        private void finish(Body body) {
            try {
                then.accept(body);
            } finally {
                release();
            }
        }

        private void release() {
            inFlight.addAndGet(-reserved);
            reserved = 0;
        }
    }

    /** Takes {@code bytes} of the budget; a body is always allowed when it is the only one held. */
    private boolean reserve(long bytes, long alreadyMine) {
        while (true) {
            long current = inFlight.get();
            if (current > alreadyMine && current + bytes > budget) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    /**
     * Answers without keeping the body, but reads and drops the rest first (up to {@link #DRAIN_LIMIT}): a client
     * that sends its whole body before reading the answer would otherwise get a connection reset instead of the
     * 4xx. A client that asked {@code Expect: 100-continue} and was sent nothing yet sends no body, so nothing is read.
     */
    private static void refuse(Request request, long declared, long read, StubResponse problem, Consumer<Body> then) {
        Body refused = Body.refused(declared, problem);
        if (read == 0 && request.getHeaders().contains(HttpHeader.EXPECT) || declared > DRAIN_LIMIT) {
            then.accept(refused);
            return;
        }
        drain(request, read, () -> then.accept(refused));
    }

    private static void drain(Request request, long dropped, Runnable then) {
        long total = dropped;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                long sofar = total;
                request.demand(() -> drain(request, sofar, then));
                return;
            }
            total += chunk.remaining();
            boolean done = chunk.isLast() || Content.Chunk.isFailure(chunk) || total > DRAIN_LIMIT;
            chunk.release();
            if (done) {
                then.run();
                return;
            }
        }
    }

    private StubResponse tooLarge() {
        return StubResponse.error(413, "errPayloadTooLarge", "the body exceeds the limit of " + limit + " bytes");
    }

    private StubResponse busy() {
        return StubResponse.error(429, "errTooManyRequests", "the stub is already holding " + inFlight.get()
                + " bytes of request bodies (budget " + budget + "); retry when fewer large requests are in flight");
    }

    private static StubResponse unreadable(Throwable failure) {
        String why = JsonErrorHandler.reason(400, failure == null ? null : failure.getMessage());
        return StubResponse.badRequest("could not read the body: " + why);
    }
}
