package io.github.partnerapi.harness.restassured;

import io.restassured.specification.FilterableRequestSpecification;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.HttpClient;
import org.apache.http.impl.client.AbstractHttpClient;
import org.apache.http.protocol.ExecutionContext;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * Sees the request as the HTTP client writes it (request line, Host header, entity bytes) and hands
 * it to the thread's {@link PendingSignature}. REST Assured sends on the calling thread, so a
 * thread-local carries the pending signature from the filter to here.
 */
final class WireHook implements HttpRequestInterceptor {

    private static final WireHook INSTANCE = new WireHook();
    private static final ThreadLocal<PendingSignature> CURRENT = new ThreadLocal<>();

    private WireHook() {
    }

    /**
     * Makes the request's HTTP client call this hook. REST Assured creates (or reuses) the client before
     * filters run, so the hook is added to that instance, once.
     */
    static void install(FilterableRequestSpecification req) {
        attach(req.getHttpClient());
    }

    static PendingSignature swap(PendingSignature pending) {
        PendingSignature previous = CURRENT.get();
        CURRENT.set(pending);
        return previous;
    }

    static void restore(PendingSignature previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    @SuppressWarnings("deprecation") // REST Assured 5 and 6 build their client on HttpClient 4's AbstractHttpClient
    private static void attach(HttpClient client) {
        if (!(client instanceof AbstractHttpClient)) {
            throw new SigningFilterException("the HTTP client factory returned a "
                    + (client == null ? "null client" : client.getClass().getName()) + "; the signing filter needs REST Assured's default "
                    + "AbstractHttpClient (DefaultHttpClient) to sign the request line it writes");
        }
        AbstractHttpClient http = (AbstractHttpClient) client;
        synchronized (http) {
            for (int i = 0; i < http.getRequestInterceptorCount(); i++) {
                if (http.getRequestInterceptor(i) == INSTANCE) {
                    return;
                }
            }
            http.addRequestInterceptor(INSTANCE);
        }
    }

    @Override
    public void process(HttpRequest request, HttpContext context) throws IOException {
        PendingSignature pending = CURRENT.get();
        if (pending == null) {
            return;
        }
        Header[] sent = request.getAllHeaders();
        String replacement = pending.onWire(url(request, context), body(request), () -> headers(sent));
        if (replacement != null && request.containsHeader(PendingSignature.X_SIGN)) {
            request.setHeader(PendingSignature.X_SIGN, replacement);
        }
    }

    @SuppressWarnings("deprecation") // HttpClient 4's name of the target host attribute, which REST Assured's client sets
    private static String url(HttpRequest request, HttpContext context) {
        String target = request.getRequestLine().getUri();
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return target;
        }
        HttpHost host = (HttpHost) context.getAttribute(ExecutionContext.HTTP_TARGET_HOST);
        Header hostHeader = request.getFirstHeader("Host");
        String authority = hostHeader != null ? hostHeader.getValue() : host.toHostString();
        return host.getSchemeName() + "://" + authority + target;
    }

    private static byte[] body(HttpRequest request) throws IOException {
        if (!(request instanceof HttpEntityEnclosingRequest)) {
            return null;
        }
        HttpEntity entity = ((HttpEntityEnclosingRequest) request).getEntity();
        if (entity == null) {
            return null;
        }
        if (!entity.isRepeatable()) {
            throw new SigningFilterException("the request body is a stream the HTTP client can read only once, "
                    + "so it cannot be signed as sent; give REST Assured a String, byte[] or File body");
        }
        return EntityUtils.toByteArray(entity);
    }

    private static Map<String, String> headers(Header[] sent) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : sent) {
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }
}
