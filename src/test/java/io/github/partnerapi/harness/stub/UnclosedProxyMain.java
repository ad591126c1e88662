package io.github.partnerapi.harness.stub;

import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Run in its own JVM by {@link ProxyConnectionsIT}: forwards one request through a proxy it never closes,
 * then returns from {@code main}; the JVM must exit, so no thread of the proxy (server or client) may be a
 * non-daemon one.
 */
public final class UnclosedProxyMain {

    private UnclosedProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        VerifyingProxy proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + closedPort)
                .apiKey(ProxyClient.API_KEY, ProxyClient.PUBLIC_KEY).build();
        System.out.println(ProxyClient.send(ProxyClient.signed("GET", proxy.rootUri(), "/api/v1/p/assets", new byte[0]))
                .statusCode());
    }
}
