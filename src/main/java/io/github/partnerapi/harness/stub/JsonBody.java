package io.github.partnerapi.harness.stub;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request body parsed as a JSON object on first use; problems become 400 reasons. */
final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final byte[] raw;
    private Map<String, Object> fields;
    private String problem;

    JsonBody(byte[] raw) {
        this.raw = raw;
    }

    /** Empty when the body is a JSON object whose named fields are non-blank strings; else the 400 reason. */
    Optional<String> requireObject(String... required) {
        parse();
        if (problem != null) {
            return Optional.of(problem);
        }
        for (String field : required) {
            Object value = fields.get(field);
            if (value == null || value.toString().isBlank()) {
                return Optional.of("missing required field '" + field + "'");
            }
            if (!(value instanceof String)) {
                return Optional.of("field '" + field + "' must be a JSON string, got " + kind(value));
            }
        }
        return Optional.empty();
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof Boolean ? "a boolean" : "a number";
    }

    /** A copy of the parsed fields (call after {@link #requireObject}). */
    Map<String, Object> fields() {
        parse();
        return fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
    }

    private void parse() {
        if (fields != null || problem != null) {
            return;
        }
        if (raw.length == 0) {
            problem = "a JSON object body is required";
            return;
        }
        try {
            Object value = MAPPER.readValue(raw, Object.class);
            if (!(value instanceof Map)) {
                problem = "the body must be a JSON object";
                return;
            }
            fields = MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problem = "malformed JSON: " + firstLine(e.getOriginalMessage());
        } catch (IOException e) {
            problem = "unreadable body: " + e.getMessage();
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
