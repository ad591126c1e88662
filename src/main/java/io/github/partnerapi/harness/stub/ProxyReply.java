package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;

/**
 * The client's side of one request through the proxy: the upstream's answer relayed piece by piece, or an
 * answer of the proxy's own. Two implementations: over Jetty's {@code Response} ({@link ProxyHandler}) and
 * straight onto the connection ({@link ProxyConnection}); the proxy's logic ({@link ProxyGate},
 * {@link UpstreamRelay}) is the same for both.
 */
interface ProxyReply {

    /** The status and headers to relay (hop-by-hop ones already taken out); written with the first piece. */
    void head(int status, HttpFields headers);

    /** One piece of the body; {@code last} ends the answer. Asynchronous: {@code callback} hears the write. */
    void write(boolean last, ByteBuffer piece, Callback callback);

    /**
     * The proxy's own answer (its 401, 502, 413 ...) as JSON, instead of anything not yet written, with
     * {@code verdictHeader} when not null.
     */
    void answer(StubResponse answer, String verdictHeader, Callback callback);
}
