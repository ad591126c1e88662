package io.github.partnerapi.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.partnerapi.harness.restassured.ContractCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Drives every operation of a description once, in dependency order, with no per-route code: an
 * operation runs once the ids its path needs are known, creates before reads before updates before
 * deletes, in the description's order otherwise; an operation whose body names ids waits for them
 * while anything else can run. Ids come from the answers (see {@link IdLedger}).
 */
final class ContractDriver {

    /** Sends one signed request and checks the exchange; throws {@link CliException} when the target is unreachable. */
    interface Target {
        Answer send(String method, String pathAndQuery, byte[] body);
    }

    /** A target's answer and its contract check. */
    record Answer(int status, byte[] body, ContractCheck check) {
    }

    enum Verdict { PASSED, FAILED, SKIPPED }

    /** One operation's outcome; {@code status} is 0 when skipped. */
    record Row(ApiOperation operation, int status, Verdict verdict, String reason, List<String> details) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ApiOperation> operations;
    private final Target target;
    private final IdLedger ids = new IdLedger();

    ContractDriver(List<ApiOperation> operations, Target target) {
        this.operations = List.copyOf(operations);
        this.target = target;
    }

    /** Runs every operation, handing each row on as it is done; the skipped ones come last. */
    List<Row> run(Consumer<Row> onRow) {
        List<ApiOperation> pending = new ArrayList<>(operations);
        List<Row> rows = new ArrayList<>();
        for (ApiOperation next = pick(pending); next != null; next = pick(pending)) {
            pending.remove(next);
            Row row = execute(next);
            rows.add(row);
            onRow.accept(row);
        }
        for (ApiOperation skipped : pending) {
            Row row = new Row(skipped, 0, Verdict.SKIPPED, whySkipped(skipped), List.of());
            rows.add(row);
            onRow.accept(row);
        }
        return rows;
    }

    private ApiOperation pick(List<ApiOperation> pending) {
        return first(pending, op -> !op.deletes() && pathKnown(op) && bodyKnown(op))
                .or(() -> first(pending, op -> !op.deletes() && pathKnown(op)))
                .or(() -> first(pending, op -> op.deletes() && pathKnown(op))).orElse(null);
    }

    private static Optional<ApiOperation> first(List<ApiOperation> pending, Predicate<ApiOperation> runnable) {
        return pending.stream().filter(runnable)
                .min(Comparator.comparingInt(ApiOperation::phase).thenComparingInt(ApiOperation::index));
    }

    private boolean pathKnown(ApiOperation op) {
        return op.pathParameters().stream().allMatch(name -> ids.knows(name, op));
    }

    private boolean bodyKnown(ApiOperation op) {
        List<String> names = new ArrayList<>();
        idFields(op.body(), (field, example) -> names.add(field));
        return names.stream().allMatch(name -> ids.knows(name, op) || op.pathParameters().contains(name));
    }

    private Row execute(ApiOperation op) {
        Attempt first = attempt(op);
        int status = first.answer().status();
        if (op.phase() == 0 && status >= 400 && status < 500 && !first.used().isEmpty()) {
            List<String> remade = remake(first.used(), op);
            if (!remade.isEmpty()) {
                return row(op, attempt(op), "retried after a new " + String.join(", ", remade) + "; first answer "
                        + status + refusal(first.answer().body()));
            }
        }
        return row(op, first, "");
    }

    /** One request: ids chosen, sent, and on success the answer's ids recorded (and a deleted id dropped). */
    private Attempt attempt(ApiOperation op) {
        Set<String> taken = new HashSet<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        String path = op.template();
        for (String name : op.pathParameters()) {
            String value = ids.choose(name, op, taken).orElseThrow();
            pathValues.put(name, value);
            taken.add(value);
            path = path.replace("{" + name + "}", encode(value).replace("+", "%20"));
        }
        List<IdLedger.Seen> used = new ArrayList<>();
        Answer answer = target.send(op.method(), path + query(op, taken), body(op, pathValues, taken, used));
        if (answer.status() / 100 == 2) {
            ids.harvest(op, parse(answer.body()));
            if (op.deletes() && !pathValues.isEmpty()) {
                ids.remove(pathValues.get(op.pathParameters().get(op.pathParameters().size() - 1)));
            }
        }
        return new Attempt(answer, List.copyOf(used));
    }

    private record Attempt(Answer answer, List<IdLedger.Seen> used) {
    }

    /**
     * A create or action refused while it named ids an earlier create gave: those may have been used
     * up in between (a swap taken before it is offered again), so the creates run once more.
     */
    private List<String> remake(List<IdLedger.Seen> used, ApiOperation refused) {
        List<String> remade = new ArrayList<>();
        for (IdLedger.Seen seen : used) {
            ApiOperation producer = seen.producer();
            String name = producer.toString();
            if (seen.created() && producer != refused && !remade.contains(name)
                    && attempt(producer).answer().status() / 100 == 2) {
                remade.add(name);
            }
        }
        ids.unbind(used);
        return remade;
    }

    private static Row row(ApiOperation op, Attempt attempt, String note) {
        Answer answer = attempt.answer();
        boolean success = answer.status() / 100 == 2;
        List<String> details = answer.check().violations().stream()
                .map(v -> v.side() + ": " + v.message() + " (" + v.key() + ")").toList();
        if (success && details.isEmpty()) {
            return new Row(op, answer.status(), Verdict.PASSED, note, details);
        }
        String reason = success ? details.size() + " contract violation" + (details.size() == 1 ? "" : "s")
                : "answered " + answer.status() + refusal(answer.body()) + ", expected 2xx";
        return new Row(op, answer.status(), Verdict.FAILED, note.isEmpty() ? reason : reason + "; " + note, details);
    }

    private String query(ApiOperation op, Set<String> taken) {
        StringBuilder query = new StringBuilder();
        op.query().forEach((name, example) -> {
            String value = IdLedger.isIdName(name) ? ids.choose(name, op, taken).orElse(example) : example;
            query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
        });
        return query.toString();
    }

    private byte[] body(ApiOperation op, Map<String, String> pathValues, Set<String> taken, List<IdLedger.Seen> used) {
        if (op.body() == null) {
            return null;
        }
        JsonNode body = op.body().deepCopy();
        substitute(body, op, pathValues, taken, used);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void substitute(JsonNode node, ApiOperation op, Map<String, String> pathValues, Set<String> taken,
            List<IdLedger.Seen> used) {
        if (node.isArray()) {
            node.forEach(element -> substitute(element, op, pathValues, taken, used));
        } else if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Map<String, String> companions = new LinkedHashMap<>();
            for (String name : fieldNames(object)) {
                JsonNode example = object.get(name);
                if (!IdLedger.isIdName(name) || !example.isValueNode()) {
                    substitute(example, op, pathValues, taken, used);
                } else if (pathValues.containsKey(name)) {
                    object.put(name, pathValues.get(name));
                } else {
                    ids.chooseFor(name, example.asText(), op, taken).ifPresent(seen -> {
                        object.put(name, seen.value());
                        taken.add(seen.value());
                        used.add(seen);
                        companionsOf(seen, companions);
                    });
                }
            }
            companions.forEach((name, value) -> {
                if (object.path(name).isTextual()) {
                    object.put(name, value);
                }
            });
        }
    }

    /** The answer's other string fields that were sent back with this id, e.g. the signature_hex beside a signer_id. */
    private static void companionsOf(IdLedger.Seen seen, Map<String, String> companions) {
        if (seen.source() == null) {
            return;
        }
        for (String name : fieldNames(seen.source())) {
            if (!IdLedger.isIdName(name) && seen.source().get(name).isTextual()) {
                companions.putIfAbsent(name, seen.source().get(name).asText());
            }
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void idFields(JsonNode node, java.util.function.BiConsumer<String, String> onField) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> idFields(element, onField));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (IdLedger.isIdName(field.getKey()) && field.getValue().isValueNode()) {
                onField.accept(field.getKey(), field.getValue().asText());
            } else {
                idFields(field.getValue(), onField);
            }
        }
    }

    private String whySkipped(ApiOperation op) {
        for (String name : op.pathParameters()) {
            if (!ids.knows(name, op)) {
                return ids.allRemoved(name) ? "every " + name + " the answers gave was deleted by an earlier operation"
                        : "no " + name + " known: no answer had a field " + name;
            }
        }
        return "not reached";
    }

    private static String refusal(byte[] body) {
        JsonNode answer = parse(body);
        String msg = answer.path("msg").asText("");
        String reason = answer.path("detail").path("reason").asText("");
        return msg.isEmpty() && reason.isEmpty() ? "" : " (" + msg + (reason.isEmpty() ? "" : ": " + reason) + ")";
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
