package io.github.partnerapi.harness.stub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The proxy's connections. A plain request ({@link PlainRequest}: what almost every client sends) that has
 * arrived whole, head and body within one buffer, is read here, by a strict scanner ({@link PlainHead}) or,
 * where it declines, by Jetty's {@link HttpParser}, and handed to the {@link ProxyGate}; its answer is framed
 * by Jetty's generator ({@link ConnectionReply}) straight onto the connection. Any other request, or one still arriving, is handed with every byte read since it began to
 * Jetty's own HTTP connection, which keeps the connection from then on: Jetty's server and the
 * {@link ProxyHandler} answer it, with their limits, timeouts and error answers. Why: with Jetty's request
 * and response objects and its parser's byte-by-byte reading of every head, the proxy cost more CPU than
 * the stub behind it; this way costs 12 to 23 % less a request (BENCHMARKS.md). Non-blocking: a request is read,
 * verified and sent upstream on the thread that selected it, with no hand-over to a pool thread (15 % less CPU
 * a request); the signature doctor, which can take a few hundred milliseconds, runs on the pool ({@link ProxyGate}).
 */
final class ProxyConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeFrom {

    /** Makes a {@link ProxyConnection} for each connection accepted; {@code jetty} makes the connections handed to. */
    static final class Factory extends AbstractConnectionFactory {

        private final HttpConnectionFactory jetty;
        private final ProxyGate gate;
        private final long bodyLimit;
        private final LongAdder handedOn;

        /** {@code handedOn} counts the requests handed to Jetty's connections. */
        Factory(HttpConnectionFactory jetty, ProxyGate gate, long bodyLimit, LongAdder handedOn) {
            super(jetty.getProtocol());
            this.jetty = jetty;
            this.gate = gate;
            this.bodyLimit = bodyLimit;
            this.handedOn = handedOn;
            addBean(jetty);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            return configure(new ProxyConnection(connector, endPoint, this), connector, endPoint);
        }
    }

    private final Connector connector;
    private final Factory factory;
    private final HttpParser parser;
    /**
     * From its position, the bytes of the request being read (and any after it), unconsumed until it is whole.
     * No larger than Jetty's request buffer, so that everything read fits when handed to Jetty's connection.
     */
    private final ByteBuffer buffer;
    /** The parser's view of {@link #buffer}: it moves on through the request's bytes, the buffer does not. */
    private final ByteBuffer view;
    private final ConnectionReply reply;
    private final Callback answered = Callback.from(this::answered, this::cut);
    /** The bytes of the request being read that the parser has taken. */
    private int parsed;
    private volatile boolean exchanging;
    private final PlainRequest request;
    /** The largest body read here; larger ones are Jetty's. */
    private final long bodyMax;
    private ByteBuffer handedOn;
    /** The answer said the connection closes: what else arrives is read and dropped until the client closes. */
    private boolean closing;

    private ProxyConnection(Connector connector, EndPoint endPoint, Factory factory) {
        super(endPoint, connector.getExecutor());
        this.connector = connector;
        this.factory = factory;
        this.buffer = BufferUtil.allocateDirect(factory.jetty.getHttpConfiguration().getInputBufferSize());
        this.view = buffer.duplicate();
        this.bodyMax = Math.min(buffer.capacity(), factory.bodyLimit);
        this.request = new PlainRequest(bodyMax);
        this.parser = new HttpParser(request, JettyServer.MAX_HEAD_BYTES,
                factory.jetty.getHttpConfiguration().getHttpCompliance());
        parser.setHeaderCacheSize(factory.jetty.getHttpConfiguration().getHeaderCacheSize());
        this.reply = new ConnectionReply(endPoint, connector.getByteBufferPool());
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
    }

    @Override
    public void onFillable() {
        if (closing) {
            drain();
            return;
        }
        try {
            while (true) {
                if (parsed < buffer.remaining() && parse()) {
                    return;
                }
                if (!fill()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            getEndPoint().close(e);
        }
    }

    /** Parses what is buffered; true when the request was handed on (to the gate or to Jetty). */
    private boolean parse() {
        if (parsed == 0 && parser.isStart()) {
            int size = PlainHead.read(buffer, bodyMax, request);
            if (size > 0) {
                buffer.position(buffer.position() + size);
                exchange();
                return true;
            }
            if (size == PlainHead.PARTIAL) {
                return false;
            }
            request.reset(); // declined: the parser reads it
        }
        view.limit(buffer.limit()).position(buffer.position() + parsed);
        boolean whole = parser.parseNext(view);
        parsed = view.position() - buffer.position();
        if (request.refused() != null && (request.lineParsed() || asciiRequestLine())) {
            refuse();
            return true;
        }
        if (request.leftToJetty()) {
            toJetty();
            return true;
        }
        if (whole) {
            buffer.position(view.position());
            parsed = 0;
            exchange();
            return true;
        }
        return false;
    }

    /**
     * No byte over 0x7F in the request line. Jetty's connection reads such bytes in its own way
     * ({@link RawRequestLine}) and may accept a line refused here, so the request is handed to it. A request
     * refused for its headers (its line parsed), or with a line of ASCII, Jetty would refuse just the same.
     */
    private boolean asciiRequestLine() {
        for (int i = buffer.position(); i < buffer.limit() && buffer.get(i) != '\n'; i++) {
            if (buffer.get(i) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The answer Jetty's server gives a request its parser refuses (JSON, {@link JsonErrorHandler}), then the
     * connection closes. Written here, not by a connection handed the request: Jetty's loses that answer to a
     * client that half-closed after sending (its error is written by another thread while it reads the end).
     */
    private void refuse() {
        HttpException refused = request.refused();
        exchanging = true;
        reply.start(false);
        reply.closeAfter();
        reply.answer(JsonErrorHandler.answer(refused.getCode(), refused.getReason()), null, answered);
    }

    /** Reads more; false when the request was handed on, the connection closed, or there is nothing yet. */
    private boolean fill() throws IOException {
        boolean begun = buffer.hasRemaining();
        if (buffer.position() == 0 && buffer.limit() == buffer.capacity()) {
            toJetty(); // too large for the buffer
            return false;
        }
        int filled = getEndPoint().fill(buffer); // after the request's bytes, moved to the front when needed
        if (filled > 0) {
            return true;
        }
        if (begun) {
            toJetty(); // still arriving (or cut short): Jetty waits for the rest with its limits on slow clients
        } else if (filled == 0) {
            fillInterested();
        } else {
            getEndPoint().close();
        }
        return false;
    }

    private void toJetty() {
        factory.handedOn.increment();
        handedOn = BufferUtil.allocateDirect(buffer.remaining());
        BufferUtil.append(handedOn, buffer);
        getEndPoint().upgrade(factory.jetty.newConnection(connector, getEndPoint()));
    }

    /** The bytes read since the request handed on began: Jetty's connection parses them first. */
    @Override
    public ByteBuffer onUpgradeFrom() {
        ByteBuffer bytes = handedOn;
        handedOn = null;
        return bytes;
    }

    private void exchange() {
        exchanging = true;
        reply.start(request.head());
        try {
            factory.gate.handle(request.received(), request.body(), reply, answered, getExecutor());
        } catch (RuntimeException e) {
            reply.answer(ProxyGate.unexpected(e), null, answered);
        }
    }

    /** The answer is written: the next request, already buffered or still to come. */
    private void answered() {
        exchanging = false;
        parser.reset();
        request.reset();
        if (!reply.persistent()) {
            // closed once the client has read the answer and closed too (a close now, with bytes unread, would
            // reset the connection and could take the answer with it), or by the idle timeout
            closing = true;
            getEndPoint().shutdownOutput();
            drain();
        } else if (buffer.hasRemaining()) {
            getExecutor().execute(this::onFillable);
        } else {
            fillInterested();
        }
    }

    private void drain() {
        try {
            BufferUtil.clear(buffer);
            while (getEndPoint().fill(buffer) > 0) {
                BufferUtil.clear(buffer);
            }
            if (getEndPoint().isInputShutdown()) {
                getEndPoint().close();
            } else {
                fillInterested();
            }
        } catch (IOException e) {
            getEndPoint().close(e);
        }
    }

    /** The answer could not be written whole (the client left, the upstream broke off): only a cut says so. */
    private void cut(Throwable failure) {
        exchanging = false;
        getEndPoint().close(failure);
    }

    /** Idle while waiting for the upstream is not idle: its own timeout bounds that; a stalled write times out. */
    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return !exchanging || reply.writing();
    }
}
