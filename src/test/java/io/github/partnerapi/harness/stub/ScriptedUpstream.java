package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.testing.RecordingServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on a plain socket that answers each request (heads only, no bodies) with the bytes a test
 * scripts, and counts the connections it accepted: for answers no well-behaved server library would give.
 */
final class ScriptedUpstream implements AutoCloseable {

    /** How the upstream answers each request, given its head; closing {@code out} closes the connection. */
    interface Answer {
        void write(String head, OutputStream out) throws Exception;
    }

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;

    ScriptedUpstream(Answer answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(socket, answer));
            }
            return null;
        });
    }

    private void serve(Socket socket, Answer answer) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head;
            while ((head = RecordingServer.readHead(in)) != null) {
                heads.add(head);
                answer.write(head, socket.getOutputStream());
                socket.getOutputStream().flush();
            }
        } catch (Exception e) {
            // the proxy closed the connection, the script did, or the test is over
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The heads of the requests received, in order. */
    List<String> heads() {
        return heads;
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
