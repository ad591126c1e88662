package io.github.partnerapi.harness.stub;

import io.github.partnerapi.harness.stub.ApiDescription.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the described operation for a method and path. Segments match literally or fill a
 * {@code {parameter}}; a literal beats a parameter ({@code /company/search} is not company "search").
 */
final class OperationRouter {

    /** A matched operation and the path parameters it read, or the 404/405 when none matched. */
    record Match(Operation operation, Map<String, String> pathParams, StubResponse problem) {
    }

    private record Route(Operation operation, String[] segments) {
    }

    private final List<Route> routes = new ArrayList<>();

    OperationRouter(List<Operation> operations) {
        for (Operation operation : operations) {
            routes.add(new Route(operation, split(operation.template())));
        }
    }

    Match match(String method, String path) {
        String[] segments = split(path);
        Route best = null;
        int bestScore = -1;
        boolean pathKnown = false;
        for (Route route : routes) {
            int score = score(route.segments(), segments);
            if (score < 0) {
                continue;
            }
            pathKnown = true;
            if (route.operation().method().equals(method) && score > bestScore) {
                best = route;
                bestScore = score;
            }
        }
        if (best == null) {
            return new Match(null, Map.of(), pathKnown ? StubResponse.methodNotAllowed(method, path)
                    : StubResponse.notFound("no such path: " + path));
        }
        return new Match(best.operation(), params(best.segments(), segments), null);
    }

    /** How many segments matched literally, or -1 when the route does not fit. */
    private static int score(String[] template, String[] path) {
        if (template.length != path.length) {
            return -1;
        }
        int literal = 0;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                if (path[i].isEmpty()) {
                    return -1;
                }
            } else if (template[i].equals(path[i])) {
                literal++;
            } else {
                return -1;
            }
        }
        return literal;
    }

    private static Map<String, String> params(String[] template, String[] path) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                params.put(template[i].substring(1, template[i].length() - 1), Query.decode(path[i]));
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }
}
