package io.github.partnerapi.harness.stub;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request to the proxy that Jetty's server reads (those its {@link ProxyConnection} hands on): the
 * journal route and the checks of the head, then the body, then the {@link ProxyGate}.
 */
final class ProxyHandler extends Handler.Abstract {

    static final String JOURNAL = "/__proxy/requests";

    private final ProxyGate gate;
    private final BodyReader bodies;

    ProxyHandler(ProxyGate gate, BodyReader bodies) {
        this.gate = gate;
        this.bodies = bodies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        safely(response, callback, () -> dispatch(request, response, callback));
        return true;
    }

    private void dispatch(Request request, Response response, Callback callback) {
        StubHandler.Received received = StubHandler.Received.of(request);
        StubResponse early = early(request, received);
        if (early != null) {
            JettyServer.send(response, callback, early);
            return;
        }
        long declared = received.declaredLength();
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            gate.handle(received, Body.EMPTY, new JettyReply(response), callback, Runnable::run);
            return;
        }
        // verified and sent on a pool thread, not where the body's last bytes arrived: in one interleaved wrk run
        // this was faster than running in place (0.54x against 0.45x of the stub's requests/s; see BENCHMARKS.md)
        bodies.read(request, declared, body -> request.getContext().execute(
                () -> safely(response, callback, () -> gate.handle(received, body, new JettyReply(response), callback,
                        Runnable::run))));
    }

    /** Never a 500 and never an answer left open: an unexpected failure is a 400 JSON, or a cut connection. */
    private static void safely(Response response, Callback callback, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                JettyServer.send(response, callback, ProxyGate.unexpected(e));
            }
        }
    }

    /** The journal, or a request the proxy answers itself before reading its body; else null. */
    private StubResponse early(Request request, StubHandler.Received received) {
        if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1
                && !request.getHeaders().contains(HttpHeader.HOST)) {
            return StubResponse.badRequest("an HTTP/1.1 request needs a Host header");
        }
        StubResponse tooMany = JettyServer.headerProblem(request);
        if (tooMany != null) {
            return tooMany;
        }
        if (received.path().equals(JOURNAL)) {
            return received.method().equals("GET")
                    ? new StubResponse(200, gate.journal().entries().stream().map(ProxyJournalEntry::toJson).toList())
                    : StubResponse.methodNotAllowed(received.method(), JOURNAL);
        }
        return null;
    }

}
