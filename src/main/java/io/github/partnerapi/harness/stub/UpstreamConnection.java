package io.github.partnerapi.harness.stub;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One kept-alive HTTP/1.1 connection to the upstream, carrying one exchange at a time: the request's bytes
 * are written as they are, the answer is parsed by Jetty's {@link HttpParser} and handed on as it arrives,
 * pausing while a piece of its body is being relayed. Runs on the I/O thread that read the bytes and never
 * blocks. Idle in its {@link UpstreamPool} between exchanges, still listening, so a close by the upstream
 * takes it out of the pool.
 */
final class UpstreamConnection extends AbstractConnection.NonBlocking
        implements HttpParser.ResponseHandler, SslHandshakeListener {

    private static final int BUFFER_SIZE = 16 * 1024;
    /** Demand states while a piece of the body is relayed. */
    private static final int RELAYING = 0;
    private static final int DEMANDED = 1;
    private static final int PAUSED = 2;

    private final UpstreamPool pool;
    private final HttpParser parser;
    private final ByteBuffer buffer = BufferUtil.allocateDirect(BUFFER_SIZE);
    private final AtomicInteger demand = new AtomicInteger();
    /** The request written and its answer read: the connection is free for the next when both are done. */
    private final AtomicInteger steps = new AtomicInteger();
    private final Callback resume = Callback.from(this::resumed, this::aborted);
    /** The exchange under way; whoever takes it out (completion or a failure) ends it, once. */
    private final AtomicReference<UpstreamExchange> exchange = new AtomicReference<>();
    /** The exchange that asked for this connection, sent once it opens; then let go (it holds the body). */
    private UpstreamExchange first;
    /** An answer came on this connection before: a close before the next answer's first byte is worth a retry. */
    private volatile boolean reused;
    private volatile boolean answering;
    private int status;
    private HttpFields.Mutable headers;
    private boolean complete;
    private boolean closeAfter;

    UpstreamConnection(EndPoint endPoint, UpstreamPool pool, Executor executor, UpstreamExchange first,
            int maxHeaderBytes) {
        super(endPoint, executor);
        this.pool = pool;
        this.first = first;
        this.parser = new HttpParser(this, maxHeaderBytes);
        if (endPoint instanceof SslConnection.SslEndPoint tls) {
            tls.getSslConnection().addHandshakeListener(this);
        }
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
        UpstreamExchange opening = first;
        first = null;
        send(opening);
    }

    boolean isOpen() {
        return getEndPoint().isOpen();
    }

    /** Writes the exchange's request; its answer is read by {@link #onFillable()}. */
    void send(UpstreamExchange next) {
        status = 0;
        closeAfter = false;
        answering = false;
        steps.set(2);
        parser.setHeadResponse(next.head());
        exchange.set(next); // after the fields above: the thread that reads the answer sees them
        getEndPoint().write(Callback.from(this::stepDone, failure -> fail(next, failure)), next.requestBuffers());
    }

    @Override
    public void onFillable() {
        try {
            while (true) {
                if (buffer.hasRemaining()) {
                    if (parser.parseNext(buffer)) {
                        return; // paused while a piece of the body is relayed; resumed() goes on, maybe on another thread
                    }
                    if (complete) {
                        if (!completed()) {
                            return;
                        }
                        continue; // an interim answer: the final one may be in the buffer already
                    }
                }
                if (!fill()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(exchange.get(), e);
        }
    }

    /** Reads more; false when there is nothing to read yet (now listening again) or the connection is done. */
    private boolean fill() throws IOException {
        if (buffer.hasRemaining()) {
            BufferUtil.compact(buffer);
        } else {
            BufferUtil.clear(buffer);
        }
        int filled = getEndPoint().fill(buffer);
        if (filled > 0) {
            if (exchange.get() == null) {
                throw new IOException("the upstream sent bytes no request asked for");
            }
            return true;
        }
        if (filled == 0) {
            fillInterested();
            return false;
        }
        if (exchange.get() != null) {
            parser.atEOF();
            parser.parseNext(BufferUtil.EMPTY_BUFFER); // an answer delimited by the close completes, else earlyEOF
            if (complete) {
                closeAfter = true;
                completed();
            }
        }
        getEndPoint().close();
        return false;
    }

    /** The answer is whole: the next exchange may use this connection, unless it must close. */
    private boolean completed() {
        UpstreamExchange done = exchange.get();
        if (status >= 100 && status < 200) { // an interim answer (103 Early Hints): the final one follows
            complete = false;
            parser.reset();
            parser.setHeadResponse(done.head());
            return true;
        }
        if (buffer.hasRemaining()) {
            closeAfter = true; // bytes after the answer: nothing more on this connection can be trusted
        }
        complete = false;
        parser.reset();
        if (!exchange.compareAndSet(done, null)) {
            return false; // it failed meanwhile (a timeout) and the connection is closing
        }
        reused = true;
        done.succeed();
        if (closeAfter || !getEndPoint().isOpen()) {
            getEndPoint().close();
            return false;
        }
        fillInterested();
        stepDone();
        return false;
    }

    private void stepDone() {
        if (steps.decrementAndGet() == 0) {
            pool.release(this);
        }
    }

    private void resumed() {
        if (!demand.compareAndSet(RELAYING, DEMANDED)) {
            onFillable(); // parsing had paused for this piece: go on here
        }
    }

    private void aborted(Throwable failure) {
        fail(exchange.get(), failure);
    }

    /**
     * Ends {@code failed} if it is still this connection's exchange, and closes the connection. A kept-alive
     * connection that the upstream closed before answering (it closes idle ones when it likes: the request
     * and its close crossed) gets its request sent again, on another connection.
     */
    private void fail(UpstreamExchange failed, Throwable failure) {
        if (failed != null && exchange.compareAndSet(failed, null)) {
            if (reused && !answering && !(failure instanceof TimeoutException)) {
                pool.retry(failed, failure);
            } else {
                failed.fail(failure);
            }
        }
        getEndPoint().close(failure);
    }

    /** The TLS handshake failed: the exchange hears why (before the connection closes, which would only say that). */
    @Override
    public void handshakeFailed(Event event, Throwable failure) {
        fail(exchange.get(), failure);
    }

    /** A read that failed (a TLS handshake refused, a reset): the exchange hears why, not just that it closed. */
    @Override
    public void onFillInterestedFailed(Throwable cause) {
        fail(exchange.get(), cause);
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        fail(exchange.get(), timeout);
        return false;
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        fail(exchange.get(), cause != null ? cause : new EOFException("the upstream closed the connection"));
        pool.closed(this);
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
        this.headers = HttpFields.build();
        answering = true;
        closeAfter = version != HttpVersion.HTTP_1_1; // an HTTP/1.0 answer: not kept alive
    }

    @Override
    public void parsedHeader(HttpField field) {
        headers.add(field);
        if (field.getHeader() == HttpHeader.CONNECTION) {
            closeAfter |= field.contains(HttpHeaderValue.CLOSE.asString());
        }
    }

    @Override
    public boolean headerComplete() {
        UpstreamExchange current = exchange.get();
        if (current != null && (status >= 200 || status == 101)) {
            current.answer().onHeaders(status, headers);
        }
        return current == null; // failed meanwhile: stop
    }

    @Override
    public boolean content(ByteBuffer piece) {
        UpstreamExchange current = exchange.get();
        if (current == null) {
            return true; // failed meanwhile: stop
        }
        demand.set(RELAYING);
        current.answer().onContent(piece, resume);
        return demand.compareAndSet(RELAYING, PAUSED); // true: wait for resumed()
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        complete = true;
        return false; // parsing stops at the end of the message anyway; true would be read as a pause
    }

    @Override
    public void earlyEOF() {
        fail(exchange.get(), new EOFException("the upstream closed the connection before its answer was whole"));
    }

    @Override
    public void badMessage(HttpException failure) {
        fail(exchange.get(), new IOException("the upstream's answer is not valid HTTP/1.1: " + failure.getReason()));
    }
}
