package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.testing.ClosedPort;

/**
 * Run in its own JVM by {@link ProxyConnectionsIT}: forwards one request through a proxy it never closes,
 * then returns from {@code main}; the JVM must exit, so no thread of the proxy (server or client) may be a
 * non-daemon one.
 */
public final class UnclosedProxyMain {

    private UnclosedProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ClosedPort closed = ClosedPort.hold()) {
            VerifyingProxy proxy = VerifyingProxy.builder().upstream("http://127.0.0.1:" + closed.port())
                    .apiKey(ProxyClient.API_KEY, ProxyClient.PUBLIC_KEY).build();
            System.out.println(ProxyClient.send(ProxyClient.signed("GET", proxy.rootUri(), "/api/v1/p/assets",
                    new byte[0])).statusCode());
        }
    }
}
