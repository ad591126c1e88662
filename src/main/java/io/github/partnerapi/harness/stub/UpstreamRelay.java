package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Relays one upstream answer to the proxy's client as it arrives, holding no thread: status and headers
 * (without hop-by-hop ones) plus the verdict header, then each chunk of the body once the client has taken
 * the one before. An upstream that fails before the first byte is relayed gets the proxy's 502 JSON with
 * the reason; one that fails later has the client's connection cut, the only honest signal left.
 * Completes as a {@link Callback} when the last write is done. Its listener methods run on the client's I/O
 * thread ({@link UpstreamConnection}), so they must never block: every write is asynchronous.
 */
final class UpstreamRelay extends Callback.Completable implements Upstream.Answer {

    /** Where the outcome goes: the upstream's status when relaying starts, or why there is no answer. */
    interface Outcome {
        void relayed(int upstreamStatus);

        void failed(String reason);
    }

    private static final int WAITING = 0;
    private static final int RELAYING = 1;
    private static final int REFUSED = 2;

    private final ProxyReply reply;
    private final Callback callback;
    private final String verdictHeader;
    private final Upstream upstream;
    private final Outcome outcome;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    /** Body bytes still to come by the upstream's Content-Length, or -1 when it gave none. */
    private long remaining = -1;
    private boolean lastWritten;

    UpstreamRelay(ProxyReply reply, Callback callback, String verdictHeader, Upstream upstream, Outcome outcome) {
        this.reply = reply;
        this.callback = callback;
        this.verdictHeader = verdictHeader;
        this.upstream = upstream;
        this.outcome = outcome;
    }

    @Override
    public void onHeaders(int status, HttpFields headers) {
        if (!state.compareAndSet(WAITING, RELAYING)) {
            return; // refused already: the proxy's 502 is the answer, and nothing of this one is relayed
        }
        outcome.relayed(status);
        HttpFields.Mutable relayed = HttpFields.build(headers.size() + 1);
        Upstream.forEachEndToEnd(headers, Set.of(), relayed::add);
        relayed.put(ProxyVerdict.HEADER, verdictHeader);
        reply.head(status, relayed);
        remaining = headers.getLongField(HttpHeader.CONTENT_LENGTH);
    }

    @Override
    public void onContent(ByteBuffer piece, Callback demand) {
        if (state.get() != RELAYING) {
            demand.failed(new IllegalStateException("the answer was refused"));
            return;
        }
        // the piece that completes a known length is written as the last: one write less per answer
        boolean last = remaining >= 0 && (remaining -= piece.remaining()) <= 0;
        lastWritten |= last;
        reply.write(last, piece, Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> {
            if (last) {
                succeeded();
            }
            demand.succeeded();
        }, failure -> {
            if (last) {
                failed(failure);
            }
            demand.failed(failure); // the client is gone: stop reading from the upstream
        }));
    }

    @Override
    public void onSuccess() {
        if (state.get() == RELAYING && !lastWritten) {
            reply.write(true, BufferUtil.EMPTY_BUFFER, this);
        }
        whenComplete((ignored, failure) -> {
            if (failure == null) {
                callback.succeeded();
            } else {
                callback.failed(failure);
            }
        });
    }

    @Override
    public void onFailure(Throwable failure) {
        if (!refuse(upstream.reason(failure))) {
            callback.failed(failure);
        }
    }

    /**
     * Answers the proxy's 502 JSON with {@code reason} when nothing of the upstream's answer has been
     * relayed; false (and nothing done) once relaying has begun.
     */
    boolean refuse(String reason) {
        if (!state.compareAndSet(WAITING, REFUSED)) {
            return false;
        }
        outcome.failed(reason);
        reply.answer(StubResponse.error(502, "errBadGateway", reason), verdictHeader, callback);
        return true;
    }
}
