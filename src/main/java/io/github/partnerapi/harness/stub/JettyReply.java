package io.github.partnerapi.harness.stub;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A {@link ProxyReply} over Jetty's {@link Response}: Jetty frames the answer. */
record JettyReply(Response response) implements ProxyReply {

    @Override
    public void head(int status, HttpFields headers) {
        response.setStatus(status);
        response.getHeaders().add(headers);
    }

    @Override
    public void write(boolean last, ByteBuffer piece, Callback callback) {
        response.write(last, piece, callback);
    }

    @Override
    public void answer(StubResponse answer, String verdictHeader, Callback callback) {
        response.reset();
        if (verdictHeader != null) {
            response.getHeaders().put(ProxyVerdict.HEADER, verdictHeader);
        }
        JettyServer.send(response, callback, answer);
    }
}
