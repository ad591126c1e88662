package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Strict JSON for request bodies: one value and nothing after it, no duplicate names, numbers that
 * fit a double (1e999999999 is refused, not stored as Infinity), nesting and number length bounded.
 */
final class JsonBody {

    static final int MAX_DEPTH = 32;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build());
    }

    /** A parsed body, or the 400 reason it was refused. */
    record Parsed(JsonNode node, String problem) {
    }

    private JsonBody() {
    }

    /** An empty body parses to null (no body), anything else to one JSON value or a reason. */
    static Parsed parse(byte[] raw) {
        if (raw.length == 0) {
            return new Parsed(null, null);
        }
        try {
            JsonNode node = STRICT.readTree(raw);
            String problem = nonFinite(node, "");
            return new Parsed(problem == null ? node : null, problem);
        } catch (JsonProcessingException e) {
            return new Parsed(null, "malformed JSON body: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            return new Parsed(null, "unreadable body: " + e.getMessage());
        }
    }

    /** The first number, by its JSON pointer, that is too large or too small for a double; else null. */
    private static String nonFinite(JsonNode node, String pointer) {
        if (node.isNumber() && Double.isInfinite(node.doubleValue())) {
            return "body field '" + (pointer.isEmpty() ? "/" : pointer) + "': the number is out of range (a finite "
                    + "double, at most about 1.8e308, was expected)";
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = nonFinite(field.getValue(), pointer + "/" + field.getKey());
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String problem = nonFinite(node.get(i), pointer + "/" + i);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text;
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
