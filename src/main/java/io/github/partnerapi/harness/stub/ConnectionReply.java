package io.github.partnerapi.harness.stub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * A {@link ProxyReply} written straight onto a {@link ProxyConnection}'s end point, framed by Jetty's
 * {@link HttpGenerator} as Jetty's server frames it: the head goes out with the first piece, a known length
 * as {@code Content-Length}, an unknown one chunked, no body for HEAD, 204 and 304. One answer at a time,
 * never two writes at once (the relay writes a piece only once the one before is written).
 */
final class ConnectionReply implements ProxyReply {

    private static final int HEAD_SIZE = 8 * 1024;
    /** The upstream's head is at most 64 KiB (its parser's limit), plus the verdict header. */
    private static final int MAX_HEAD_SIZE = 66 * 1024;

    private final EndPoint endPoint;
    private final ByteBufferPool buffers;
    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer chunk = BufferUtil.allocate(HttpGenerator.CHUNK_SIZE);
    private boolean headRequest;
    private MetaData.Response info;
    private RetainableByteBuffer header;
    private ByteBuffer content;
    private boolean last;
    private volatile Callback callback;

    ConnectionReply(EndPoint endPoint, ByteBufferPool buffers) {
        this.endPoint = endPoint;
        this.buffers = buffers;
    }

    /** Ready for the answer to the next request; {@code headRequest} when it is a HEAD. */
    void start(boolean headRequest) {
        generator.reset();
        this.headRequest = headRequest;
        info = null;
    }

    /** The answer says {@code Connection: close}: the connection ends after it. */
    void closeAfter() {
        generator.setPersistent(false);
    }

    /** A write is under way (and may stall on a client that does not read). */
    boolean writing() {
        return callback != null;
    }

    /** The connection may carry the next request once this answer is written. */
    boolean persistent() {
        return generator.isPersistent();
    }

    @Override
    public void head(int status, HttpFields headers) {
        info = new MetaData.Response(status, null, HttpVersion.HTTP_1_1, headers,
                headers.getLongField(HttpHeader.CONTENT_LENGTH));
    }

    @Override
    public void write(boolean last, ByteBuffer piece, Callback callback) {
        Objects.requireNonNull(info, "a head before the body");
        if (last && info.getContentLength() < 0 && generator.isState(HttpGenerator.State.START)) {
            // the whole body in one write: a length, not chunks, as Jetty's own response does
            info = new MetaData.Response(info.getStatus(), null, HttpVersion.HTTP_1_1, info.getHttpFields(),
                    piece.remaining());
        }
        this.content = piece;
        this.last = last;
        this.callback = callback;
        generate();
    }

    @Override
    public void answer(StubResponse answer, String verdictHeader, Callback callback) {
        if (!generator.isState(HttpGenerator.State.START)) {
            callback.failed(new IOException("the answer was already under way"));
            return;
        }
        byte[] json = JettyServer.json(answer.body());
        HttpFields.Mutable fields = HttpFields.build(3);
        if (verdictHeader != null) {
            fields.put(ProxyVerdict.HEADER, verdictHeader);
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONTENT_LENGTH, json.length);
        head(answer.status(), fields);
        write(true, ByteBuffer.wrap(json), callback);
    }

    /** Runs the generator until it needs a write (then goes on when the write is done) or is done. */
    private void generate() {
        try {
            while (true) {
                ByteBuffer head = header == null ? null : header.getByteBuffer();
                switch (generator.generateResponse(info, headRequest, head, chunk, content, last)) {
                    case NEED_HEADER -> header = buffers.acquire(HEAD_SIZE, false);
                    case HEADER_OVERFLOW -> biggerHeader();
                    case FLUSH -> {
                        flush(head);
                        return;
                    }
                    case DONE -> {
                        done(null);
                        return;
                    }
                    case SHUTDOWN_OUT, CONTINUE -> {
                        // SHUTDOWN_OUT: not persistent; the connection closes after the answer (ProxyConnection)
                    }
                    default -> throw new IOException("the answer could not be framed");
                }
            }
        } catch (IOException | RuntimeException e) {
            done(e);
        }
    }

    private void biggerHeader() throws IOException {
        if (header.capacity() >= MAX_HEAD_SIZE) {
            throw new IOException("the upstream's header fields are too large to relay");
        }
        generator.reset();
        header.release();
        header = buffers.acquire(MAX_HEAD_SIZE, false);
    }

    private void flush(ByteBuffer head) {
        if (headRequest || generator.isNoContent()) {
            BufferUtil.clear(chunk);
            BufferUtil.clear(content);
        }
        ByteBuffer[] parts = Arrays.stream(new ByteBuffer[] {head, chunk, content})
                .filter(BufferUtil::hasContent).toArray(ByteBuffer[]::new);
        endPoint.write(Callback.from(Invocable.InvocationType.NON_BLOCKING, this::flushed, this::done), parts);
    }

    private void flushed() {
        releaseHeader(); // the head is written: only body pieces and chunk sizes follow
        generate();
    }

    private void releaseHeader() {
        if (header != null) {
            header.release();
            header = null;
        }
    }

    private void done(Throwable failure) {
        releaseHeader();
        Callback current = callback;
        callback = null;
        content = null;
        if (failure == null) {
            current.succeeded();
        } else {
            current.failed(failure);
        }
    }
}
