package io.github.partnerapi.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the operations of an OpenAPI 3 description (JSON) for the {@code contract} command. */
final class ApiDescription {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;

    private ApiDescription(JsonNode root) {
        this.root = root;
    }

    /** The operations of the description, in its order. */
    static List<ApiOperation> operations(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new CliException("the OpenAPI description is not JSON: " + e.getMessage());
        }
        return new ApiDescription(root).operations();
    }

    private List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(operations.size(), op.getKey(), path.getKey(), path.getValue(), op.getValue()));
                }
            }
        }
        return operations;
    }

    private ApiOperation operation(int index, String method, String template, JsonNode pathItem, JsonNode op) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode parameter = deref(p);
            if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
                JsonNode value = parameter.has("example") ? parameter.get("example") : sample(parameter.path("schema"), 0);
                query.put(parameter.path("name").asText(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return new ApiOperation(index, method.toUpperCase(Locale.ROOT), template, List.copyOf(names), query, body(op));
    }

    private JsonNode body(JsonNode op) {
        JsonNode requestBody = deref(op.path("requestBody"));
        JsonNode content = requestBody.path("content");
        JsonNode media = content.path("application/json");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); media.isMissingNode() && types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().contains("json")) {
                media = type.getValue();
            }
        }
        if (media.isMissingNode()) {
            return null;
        }
        if (media.has("example")) {
            return media.get("example");
        }
        Iterator<JsonNode> examples = media.path("examples").elements();
        if (examples.hasNext()) {
            return deref(examples.next()).path("value");
        }
        return sample(media.path("schema"), 0);
    }

    /** The schema's example, default or first enum value, else a smallest value with every required property. */
    private JsonNode sample(JsonNode node, int depth) {
        JsonNode schema = deref(node);
        for (String given : List.of("example", "default")) {
            if (schema.has(given)) {
                return schema.get(given);
            }
        }
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.path(choice).size() > 0) {
                return sample(schema.path(choice).get(0), depth + 1);
            }
        }
        if (depth > 8) {
            return NODES.nullNode();
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.path("allOf").forEach(part -> {
                JsonNode value = sample(part, depth + 1);
                if (value.isObject()) {
                    merged.setAll((ObjectNode) value);
                }
            });
            return merged;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asDouble(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode("x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        for (JsonNode required : schema.path("required")) {
            object.set(required.asText(), sample(schema.path("properties").path(required.asText()), depth + 1));
        }
        return object;
    }

    /** Follows local {@code $ref}s ({@code #/components/...}). */
    private JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new CliException("the OpenAPI description refers to " + ref + "; only local references (#/...) are read");
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
