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

    /** Writes {@code request}, half-closes, and reads until the server closes or 10 s pass. */
    public static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            String text = readAll(socket.getInputStream());
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
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
