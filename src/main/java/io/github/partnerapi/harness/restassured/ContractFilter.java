package io.github.partnerapi.harness.restassured;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A REST Assured filter that checks every request and answer against an OpenAPI description and
 * hands the {@link ContractCheck} on (to a listener, under {@link #CONTRACT_CHECK} in the filter
 * context, and per thread in {@link #lastCheck()}). It checks the request after the answer came
 * back, so it sees the request as the signing filter sent it, headers and body bytes, wherever it
 * sits in the chain. It never fails a request itself: the listener decides. Thread-safe.
 *
 * <pre>{@code
 * ContractFilter contract = ContractFilter.of(OpenApiContract.partnerApi(), "/api/v1/p")
 *         .withListener(check -> check.violations().forEach(System.err::println));
 * given().filter(signing).filter(contract).baseUri(base).get("/assets").then().statusCode(200);
 * assertThat(contract.lastCheck().violations()).isEmpty();
 * }</pre>
 */
public final class ContractFilter implements OrderedFilter {

    /** The {@code FilterContext} value under which the {@link ContractCheck} is handed on. */
    public static final String CONTRACT_CHECK = "partnerapi.contractCheck";

    private final OpenApiContract contract;
    private final String basePath;
    private final Consumer<ContractCheck> listener;
    private final ThreadLocal<ContractCheck> last = new ThreadLocal<>();

    private ContractFilter(OpenApiContract contract, String basePath, Consumer<ContractCheck> listener) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.basePath = basePath == null ? "" : basePath.replaceAll("/+$", "");
        this.listener = listener;
    }

    /**
     * Checks exchanges against {@code contract}; {@code basePath} is the path of the target's base
     * URI that the description's paths are relative to, e.g. {@code /api/v1/p}.
     */
    public static ContractFilter of(OpenApiContract contract, String basePath) {
        return new ContractFilter(contract, basePath, null);
    }

    /** A copy that hands every check to {@code onCheck}, on the thread that sent the request. */
    public ContractFilter withListener(Consumer<ContractCheck> onCheck) {
        return new ContractFilter(contract, basePath, onCheck);
    }

    /** Last of all, like the signing filter: registered after it, it is the closest to the wire. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        ContractCheck check = contract.check(basePath, new OpenApiContract.Exchange(req.getMethod(), uri(req),
                headers(req.getHeaders(), req.getContentType()), body(req), response.getStatusCode(),
                headers(response.getHeaders(), null), response.asByteArray()));
        ctx.setValue(CONTRACT_CHECK, check);
        last.set(check);
        if (listener != null) {
            listener.accept(check);
        }
        return response;
    }

    /** What the calling thread's last request through this filter was found to be, or null. */
    public ContractCheck lastCheck() {
        return last.get();
    }

    private static URI uri(FilterableRequestSpecification req) {
        try {
            return URI.create(req.getURI());
        } catch (IllegalArgumentException e) {
            return URI.create(req.getDerivedPath().replace(" ", "%20"));
        }
    }

    private static byte[] body(FilterableRequestSpecification req) {
        try {
            return RequestBodies.bytes(req);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(Headers headers, String contentType) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                map.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
            }
        }
        if (contentType != null && !contentType.isBlank()
                && map.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("Content-Type"))) {
            map.put("Content-Type", List.of(contentType));
        }
        return map;
    }

    @Override
    public String toString() {
        return "ContractFilter[" + contract.name() + ", basePath=" + basePath + "]";
    }
}
