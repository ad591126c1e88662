package io.github.partnerapi.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ids the answers gave, for the {@code contract} command: every field named {@code *_id} in any
 * answer (and the strings of a list named after one, e.g. {@code wallets: ["…"]} for
 * {@code wallet_id}). A path or body asks for an id by name; the value chosen is the one whose
 * answering operation shares the longest path prefix with the asking one, then one a create gave,
 * then the newest. An example value that stands for an id in several request examples stands for
 * the same real id in all of them. A value a DELETE removed is not offered again.
 * Fields answered together with an id are sent together with it: a body naming a {@code signer_id}
 * takes the {@code signature_hex} of the answer that gave that {@code signer_id}.
 */
final class IdLedger {

    /** An id, where it came from, and the answer object it was a field of. */
    record Seen(String value, ApiOperation producer, boolean created, int sequence, int position, JsonNode source) {
    }

    private final Map<String, List<Seen>> byName = new HashMap<>();
    private final Map<String, Seen> placeholders = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private int sequence;

    /** Records the ids in one operation's answer. */
    void harvest(ApiOperation producer, JsonNode answer) {
        sequence++;
        int[] position = {0};
        walk(answer, producer, position);
    }

    private void walk(JsonNode node, ApiOperation producer, int[] position) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, producer, position));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (isIdName(name) && (value.isTextual() || value.isIntegralNumber()) && !value.asText().isEmpty()) {
                add(name, value.asText(), producer, position[0]++, node);
            } else if (value.isArray() && name.endsWith("s") && isIdName(name.substring(0, name.length() - 1) + "_id")) {
                for (JsonNode element : value) {
                    if (element.isTextual()) {
                        add(name.substring(0, name.length() - 1) + "_id", element.asText(), producer, position[0]++,
                                null);
                    }
                }
            }
            if (value.isContainerNode()) {
                walk(value, producer, position);
            }
        }
    }

    private void add(String name, String value, ApiOperation producer, int position, JsonNode source) {
        List<Seen> seen = byName.computeIfAbsent(name, k -> new ArrayList<>());
        if (seen.stream().noneMatch(s -> s.value().equals(value))) {
            seen.add(new Seen(value, producer, producer.phase() == 0, sequence, position, source));
        }
    }

    static boolean isIdName(String name) {
        return name.endsWith("_id") && name.length() > 3;
    }

    /** The best id for {@code name} in a path or body of {@code consumer}, avoiding {@code taken} if it can. */
    Optional<String> choose(String name, ApiOperation consumer, Set<String> taken) {
        return chooseSeen(name, consumer, taken).map(Seen::value);
    }

    private Optional<Seen> chooseSeen(String name, ApiOperation consumer, Set<String> taken) {
        List<Seen> candidates = candidates(name, consumer);
        return candidates.stream().filter(s -> !taken.contains(s.value())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** For a body field: the id its example value already stands for, or the best one, remembered. */
    Optional<Seen> chooseFor(String name, String example, ApiOperation consumer, Set<String> taken) {
        Seen bound = placeholders.get(example);
        if (bound != null && !removed.contains(bound.value())) {
            return Optional.of(bound);
        }
        Set<String> avoid = new HashSet<>(taken);
        placeholders.values().forEach(s -> avoid.add(s.value()));
        Optional<Seen> chosen = chooseSeen(name, consumer, avoid);
        chosen.ifPresent(s -> placeholders.put(example, s));
        return chosen;
    }

    boolean knows(String name, ApiOperation consumer) {
        return !candidates(name, consumer).isEmpty();
    }

    /** Whether any answer had this id before DELETEs removed them all. */
    boolean allRemoved(String name) {
        return byName.containsKey(name) && byName.get(name).stream().allMatch(s -> removed.contains(s.value()));
    }

    void remove(String value) {
        removed.add(value);
    }

    /** Example values stop standing for these ids, so that newer ones are chosen. */
    void unbind(List<Seen> used) {
        placeholders.values().removeIf(used::contains);
    }

    /** Ids seen under {@code name}, or else under the id name it ends with ({@code send_wallet_id}: {@code wallet_id}). */
    private List<Seen> candidates(String name, ApiOperation consumer) {
        List<Seen> seen = byName.get(name);
        if (seen == null) {
            String base = null;
            for (String known : byName.keySet()) {
                if (name.endsWith("_" + known) && (base == null || known.length() > base.length())) {
                    base = known;
                }
            }
            seen = base == null ? List.of() : byName.get(base);
        }
        Comparator<Seen> order = Comparator.<Seen>comparingInt(s -> -affinity(s.producer().template(), consumer.template()))
                .thenComparing(s -> !s.created()).thenComparingInt(s -> -s.sequence()).thenComparingInt(Seen::position);
        return seen.stream().filter(s -> !removed.contains(s.value())).sorted(order).toList();
    }

    private static int affinity(String producer, String consumer) {
        String[] a = producer.split("/");
        String[] b = consumer.split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        return common;
    }
}
