package io.github.partnerapi.harness.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Locates {@code testdata/} and reads the shared signature vectors copied there. */
public final class TestData {

    private TestData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("partnerapi.testdata", "testdata"));
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The fixed API keys the suite's own tests send; none may appear in clear in any report. */
    public static List<String> fixedApiKeys() {
        return List.of("c3R1Yi10ZXN0LWFwaS1rZXk=", "YXBpLXRlc3Qta2V5LTEyMzQ=", "dGVzdC1hcGkta2V5LWZvci1maWx0ZXI=",
                "Z2xvYmFsLWtleQ==", "bm9uY2Uta2V5LW9uZQ==");
    }

    public static Path pkcs1Key() {
        return file("vectors/test-private-pkcs1.pem");
    }

    public static Path pkcs8Key() {
        return file("vectors/test-private-pkcs8.pem");
    }

    public static Path publicKey() {
        return file("vectors/test-public.pem");
    }

    /** One line of vectors.jsonl: a request and the x-sign OpenSSL and the Go client made for it. */
    public record Vector(String name, String header, String value, String url, byte[] body, String xSign) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Vector> vectors() {
        ObjectMapper mapper = new ObjectMapper();
        List<Vector> vectors = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file("vectors/vectors.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode v = mapper.readTree(line);
                vectors.add(new Vector(v.get("name").asText(), v.get("header").asText(), v.get("value").asText(),
                        v.get("url").asText(), Base64.getDecoder().decode(v.get("body_b64").asText()),
                        v.get("x_sign").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }
}
