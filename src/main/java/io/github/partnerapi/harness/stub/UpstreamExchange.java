package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request to the upstream, as bytes ready to write, and the listener of its answer. Ends once, in
 * success or failure, whichever connection carried it; may be sent again after a kept-alive connection
 * closed under it.
 */
final class UpstreamExchange {

    private final ByteBuffer[] request;
    private final boolean head;
    private final Upstream.Answer answer;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Times sent again after a kept-alive connection closed under it. */
    private final AtomicInteger retries = new AtomicInteger();

    UpstreamExchange(ByteBuffer[] request, boolean head, Upstream.Answer answer) {
        this.request = request;
        this.head = head;
        this.answer = answer;
    }

    /**
     * The request's bytes, as new views for each send: a retry must not share positions with a write to the
     * connection that failed, which may still be under way when the failure is seen on the reading side.
     */
    ByteBuffer[] requestBuffers() {
        ByteBuffer[] views = new ByteBuffer[request.length];
        for (int i = 0; i < request.length; i++) {
            views[i] = request[i].duplicate();
        }
        return views;
    }

    boolean head() {
        return head;
    }

    Upstream.Answer answer() {
        return answer;
    }

    /** True when the exchange may be sent again from its first byte, at most {@code most} times. */
    boolean retry(int most) {
        return !ended.get() && retries.incrementAndGet() <= most;
    }

    void succeed() {
        if (ended.compareAndSet(false, true)) {
            answer.onSuccess();
        }
    }

    void fail(Throwable failure) {
        if (ended.compareAndSet(false, true)) {
            answer.onFailure(failure);
        }
    }
}
