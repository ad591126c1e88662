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

    ByteBuffer[] requestBuffers() {
        return request;
    }

    boolean head() {
        return head;
    }

    Upstream.Answer answer() {
        return answer;
    }

    /** True when the exchange may be sent again from its first byte, at most {@code most} times. */
    boolean retry(int most) {
        if (ended.get() || retries.incrementAndGet() > most) {
            return false;
        }
        for (ByteBuffer buffer : request) {
            buffer.rewind();
        }
        return true;
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
