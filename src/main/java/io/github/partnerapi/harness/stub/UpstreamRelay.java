package io.github.partnerapi.harness.stub;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Relays one upstream answer to the proxy's client as it arrives, holding no thread: status and headers
 * (without hop-by-hop ones) plus the verdict header, then each chunk of the body once the client has taken
 * the one before. An upstream that fails before the first byte is relayed gets the proxy's 502 JSON with
 * the reason; one that fails later has the client's connection cut, the only honest signal left.
 * Completes as a {@link Callback} when the last write is done. Its listener methods run on the client's I/O
 * thread ({@link Upstream} declares them non-blocking), so they must never block: every write is asynchronous.
 */
final class UpstreamRelay extends Callback.Completable implements org.eclipse.jetty.client.Response.Listener {

    /** Where the outcome goes: the upstream's status when relaying starts, or why there is no answer. */
    interface Outcome {
        void relayed(int upstreamStatus);

        void failed(String reason);
    }

    private static final int WAITING = 0;
    private static final int RELAYING = 1;
    private static final int REFUSED = 2;

    private final Response response;
    private final Callback callback;
    private final String verdictHeader;
    private final Upstream upstream;
    private final Outcome outcome;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    /** Body bytes still to come by the upstream's Content-Length, or -1 when it gave none. */
    private long remaining = -1;
    private boolean lastWritten;

    UpstreamRelay(Response response, Callback callback, String verdictHeader, Upstream upstream, Outcome outcome) {
        this.response = response;
        this.callback = callback;
        this.verdictHeader = verdictHeader;
        this.upstream = upstream;
        this.outcome = outcome;
    }

    @Override
    public void onHeaders(org.eclipse.jetty.client.Response answer) {
        response.setStatus(answer.getStatus());
        Set<String> listed = Upstream.connectionTokens(answer.getHeaders());
        for (HttpField field : answer.getHeaders()) {
            if (Upstream.isEndToEnd(field.getLowerCaseName(), listed)) {
                response.getHeaders().add(field);
            }
        }
        response.getHeaders().put(ProxyVerdict.HEADER, verdictHeader);
        remaining = answer.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    }

    @Override
    public void onContent(org.eclipse.jetty.client.Response answer, Content.Chunk chunk, Runnable demander) {
        if (!relaying(answer)) {
            answer.abort(new IllegalStateException("the answer was refused"));
            return;
        }
        // the chunk that completes a known length is written as the last: one write less per answer
        boolean last = remaining >= 0 && (remaining -= chunk.remaining()) <= 0;
        lastWritten |= last;
        chunk.retain();
        response.write(last, chunk.getByteBuffer(), Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> {
            chunk.release();
            if (last) {
                succeeded();
            }
            demander.run();
        }, failure -> {
            chunk.release();
            if (last) {
                failed(failure);
            }
            answer.abort(failure); // the client is gone: stop reading from the upstream
        }));
    }

    @Override
    public void onSuccess(org.eclipse.jetty.client.Response answer) {
        if (relaying(answer) && !lastWritten) {
            response.write(true, BufferUtil.EMPTY_BUFFER, this);
        }
    }

    @Override
    public void onComplete(Result result) {
        if (result.isSucceeded()) {
            whenComplete((ignored, failure) -> {
                if (failure == null) {
                    callback.succeeded();
                } else {
                    callback.failed(failure);
                }
            });
        } else if (!refuse(upstream.reason(result.getFailure()))) {
            callback.failed(result.getFailure());
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
        response.reset();
        response.getHeaders().put(ProxyVerdict.HEADER, verdictHeader);
        JettyServer.send(response, callback, StubResponse.error(502, "errBadGateway", reason));
        return true;
    }

    /** True once this answer is being relayed; the first call records the upstream's status. */
    private boolean relaying(org.eclipse.jetty.client.Response answer) {
        if (state.compareAndSet(WAITING, RELAYING)) {
            outcome.relayed(answer.getStatus());
            return true;
        }
        return state.get() == RELAYING;
    }
}
