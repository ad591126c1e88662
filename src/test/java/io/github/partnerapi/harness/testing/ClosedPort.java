package io.github.partnerapi.harness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as it is held: a socket bound to it that never listens.
 * A port freed by closing a server socket is not enough: a server started meanwhile by a test running in
 * parallel (or by the code under test) may take it, and the connection that should be refused gets answered.
 *
 * <pre>{@code
 * try (ClosedPort closed = ClosedPort.hold()) {
 *     send("http://127.0.0.1:" + closed.port() + "/"); // connection refused
 * }
 * }</pre>
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket socket;

    private ClosedPort(Socket socket) {
        this.socket = socket;
    }

    public static ClosedPort hold() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new ClosedPort(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
