package io.github.partnerapi.harness.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes to a local server and reads the whole answer: for requests no client would build. */
public final class RawHttp {

    /** A status code and the response body as text. */
    public record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /**
     * Writes {@code request}, half-closes, and reads until the server closes or 10 s pass. A server may answer
     * and close before the whole request is written (a 431 after 32 KiB of head): its answer is what counts,
     * and the failed write is thrown only when no answer came.
     */
    public static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            IOException cut = null;
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                cut = e;
            }
            String text = readAll(socket.getInputStream());
            if (text.isEmpty() && cut != null) {
                throw cut;
            }
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            String[] statusLine = head.split(" ", 3);
            return new Answer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, body);
        }
    }

    public static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // the server kept the connection open; what arrived is the answer
        } catch (java.net.SocketException reset) {
            if (out.size() == 0) {
                throw reset; // a reset before any answer is the outcome, not an answer cut short
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
