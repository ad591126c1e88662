package io.github.partnerapi.harness.stub;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies without holding a thread while the bytes arrive, within two limits: one body's
 * size (413 above it) and the bytes of all bodies being read and handled at once (429 above it, so that
 * many large bodies at the same moment cannot exhaust the heap).
 */
final class BodyReader {

    /** Default budget for the bodies in memory at once: 64 MiB. */
    static final long DEFAULT_IN_FLIGHT = 64L * 1024 * 1024;
    /** The most of a refused body read (and dropped) so that its client can read the answer: 64 MiB. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final long limit;
    private final long budget;
    private final AtomicLong inFlight = new AtomicLong();

    BodyReader(long limit, long budget) {
        this.limit = Math.min(limit, MAX_ARRAY);
        this.budget = budget;
    }

    /** Reads the body, then hands it (or the answer refusing it) to {@code then}, on some thread. */
    void read(Request request, long declared, Consumer<Body> then) {
        if (declared > limit) {
            refuse(request, declared, tooLarge(), then);
            return;
        }
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            then.accept(Body.EMPTY); // HTTP/1.1: no Content-Length and no Transfer-Encoding is no body
            return;
        }
        long reserved = declared > 0 ? declared : limit;
        if (!reserve(reserved)) {
            refuse(request, declared, StubResponse.error(429, "errTooManyRequests",
                    "the stub is already holding " + inFlight.get() + " bytes of request bodies (budget " + budget
                            + "); retry when fewer large requests are in flight"), then);
            return;
        }
        Content.Source.asByteArrayAsync(request, (int) limit).whenComplete((bytes, failure) -> {
            try {
                then.accept(failure == null ? Body.of(bytes) : Body.refused(declared, unreadable(failure)));
            } finally {
                inFlight.addAndGet(-reserved);
            }
        });
    }

    /**
     * Answers without keeping the body, but reads and drops it first (up to {@link #DRAIN_LIMIT}): a client that
     * sends its whole body before reading the answer would otherwise get a connection reset instead of the 4xx.
     * A client that asked {@code Expect: 100-continue} never sends the body, so nothing is read.
     */
    private static void refuse(Request request, long declared, StubResponse problem, Consumer<Body> then) {
        Body refused = Body.refused(declared, problem);
        if (request.getHeaders().contains(HttpHeader.EXPECT) || declared > DRAIN_LIMIT) {
            then.accept(refused);
            return;
        }
        drain(request, 0, () -> then.accept(refused));
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

    /** One body may always be read, even one larger than the budget. */
    private boolean reserve(long bytes) {
        while (true) {
            long current = inFlight.get();
            if (current > 0 && current + bytes > budget) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    private StubResponse tooLarge() {
        return StubResponse.error(413, "errPayloadTooLarge", "the body exceeds the limit of " + limit + " bytes");
    }

    private StubResponse unreadable(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        // Jetty's "Max size (N) exceeded" (an IllegalStateException in 12.1) for a chunked body over the limit
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                && String.valueOf(cause.getMessage()).startsWith("Max size")) {
            return tooLarge();
        }
        String why = JsonErrorHandler.reason(400, cause.getMessage());
        return StubResponse.badRequest("could not read the body: " + why);
    }
}
