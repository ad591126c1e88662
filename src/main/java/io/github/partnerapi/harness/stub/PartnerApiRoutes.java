package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiCall.Handler;
import io.github.partnerapi.harness.stub.ApiDescription.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-memory Partner API below {@code /api/v1/p}, routed and validated from the description
 * ({@link ApiDescription}): the content-type rule, the route (404/405), strict JSON, the
 * description's shapes (400), then the operation's handler. Every described operation has one.
 */
final class PartnerApiRoutes {

    private final OperationRouter router;
    private final RequestCheck check;
    private final boolean validate;
    private final Map<String, Handler> handlers = new HashMap<>();

    /**
     * Validating every request. For benchmarks only, the system property
     * {@code partnerapi.stub.validation=false} skips validation (bench/wrk-stub.sh measures its cost so).
     */
    PartnerApiRoutes(CompanyStore store) {
        ApiDescription description = ApiDescription.get();
        this.router = new OperationRouter(description.operations());
        this.check = description.check();
        this.validate = !"false".equals(System.getProperty("partnerapi.stub.validation"));
        CoreClientStore clients = new CoreClientStore(store.limits);
        new Companies(store).register(handlers);
        new TrustedParties(store).register(handlers);
        new Funds(store).register(handlers);
        new Wallets(store).register(handlers);
        new Transactions(store, clients).register(handlers);
        new AtomicSwaps(store).register(handlers);
        new CoreClients(store, clients).register(handlers);
        Assets.register(handlers);
        List<String> missing = description.operations().stream().map(Operation::id)
                .filter(id -> !handlers.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("operations described but not served: " + missing);
        }
    }

    /** A 200 without a body, for the operations the public description documents none for. */
    static StubResponse noBody() {
        return new StubResponse(200, new StaticContent.Raw(new byte[0], "application/json"));
    }

    /**
     * Answers an authenticated request. {@code path} is below {@code /api/v1/p}, {@code rawQuery}
     * as received (without '?'), {@code header} looks a request header up by name.
     */
    StubResponse handle(String method, String path, String rawQuery, Function<String, String> header, byte[] body) {
        Optional<StubResponse> type = Bodies.contentTypeProblem(method, header.apply("Content-Type"), body);
        if (type.isPresent()) {
            return type.get();
        }
        OperationRouter.Match match = router.match(method, path);
        if (match.problem() != null) {
            return match.problem();
        }
        // a body on GET or DELETE is ignored, as HTTP servers do (signed with it, it still verified)
        boolean read = !method.equals("GET") && !method.equals("DELETE");
        JsonBody.Parsed parsed = JsonBody.parse(read ? body : new byte[0]);
        if (parsed.problem() != null) {
            return StubResponse.badRequest(parsed.problem());
        }
        Map<String, List<String>> query = Query.parse(rawQuery);
        if (validate) {
            Optional<String> problem = check.problem(match.operation(), StubHandler.API_BASE + path, query, parsed.node());
            if (problem.isPresent()) {
                return StubResponse.badRequest(problem.get());
            }
        }
        Operation operation = match.operation();
        return handlers.get(operation.id()).handle(new ApiCall(operation.id(), match.pathParams(), query, parsed.node()));
    }
}
