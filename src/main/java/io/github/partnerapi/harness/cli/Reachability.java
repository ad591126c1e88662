package io.github.partnerapi.harness.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** One connection attempt before a command sends many requests: a target that is down is one error, not one per request. */
final class Reachability {

    private static final int TIMEOUT_MILLIS = 5_000;

    private Reachability() {
    }

    static void require(String url, String option) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new CliException(option + " '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new CliException(option + " '" + url + "' is not an http:// or https:// URL with a host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String where = uri.getHost() + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
        } catch (UnknownHostException e) {
            throw new CliException("cannot reach " + option + " " + url + ": unknown host " + uri.getHost());
        } catch (SocketTimeoutException e) {
            throw new CliException("cannot reach " + option + " " + url + ": no answer from " + where + " within "
                    + TIMEOUT_MILLIS / 1000 + " s");
        } catch (ConnectException e) {
            throw new CliException("cannot reach " + option + " " + url + ": connection to " + where
                    + " refused; is the server running?");
        } catch (IOException e) {
            throw new CliException("cannot reach " + option + " " + url + ": cannot connect to " + where
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** What went wrong connecting, in words: never the exception's class name. */
    static String reason(Throwable cause) {
        String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        if (cause instanceof UnknownHostException) {
            return "unknown host" + detail;
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer in time" + detail;
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "cannot connect" + detail;
    }
}
