package io.github.partnerapi.harness.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The doctor over testdata/doctor-corpus: mismatches made by really running Python, Node, Go, jq and
 * curl (see generate/generate.py), signed with OpenSSL. Every expected cause is named, and no case
 * gets a cause other than its own (a false cause is worse than unknown).
 */
class DoctorCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(String name, String expected, String named, String transformation) {
        boolean right() {
            return expected.equals(named);
        }

        boolean falseCause() {
            return !right() && !named.equals("unknown");
        }

        @Override
        public String toString() {
            return name + ": expected " + expected + ", named " + named + (transformation == null ? "" : " (" + transformation + ")");
        }
    }

    static List<Outcome> run() throws IOException {
        SignatureDoctor doctor = SignatureDoctor.builder(PemKeys.readPublicKey(TestData.publicKey())).build();
        List<Outcome> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus())) {
            JsonNode c = JSON.readTree(line);
            Finding finding = doctor.diagnose(new SentRequest(c.get("header").asText(), c.get("value").asText(),
                    c.get("url").asText(), Base64.getDecoder().decode(c.get("body_b64").asText()), c.get("x_sign").asText()));
            out.add(new Outcome(c.get("name").asText(), c.get("expect").asText(), finding.cause().code(),
                    finding.transformation()));
        }
        return out;
    }

    static Path corpus() {
        return TestData.file("doctor-corpus/corpus.jsonl");
    }

    @Test
    void everyCauseInTheCorpusIsNamedAndNoneIsFalse() throws IOException {
        List<Outcome> outcomes = run();
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(80);
        assertThat(outcomes.stream().map(Outcome::expected).distinct())
                .as("the corpus covers valid, unknown and the new causes")
                .contains("valid", "unknown", "body-newlines-removed", "wrong-key", "url-encoding", "body-key-order");
        assertThat(outcomes.stream().filter(Outcome::falseCause).map(Outcome::toString).toList()).as("false causes").isEmpty();
        assertThat(outcomes.stream().filter(o -> !o.right()).map(Outcome::toString).toList()).as("causes not named").isEmpty();
    }
}
