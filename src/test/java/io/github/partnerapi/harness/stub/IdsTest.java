package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void anIdIsThePrefixTheSequenceInBase62AnXAndRandomBase62Characters27InAll() {
        assertThat(Ids.next("1c", 1)).hasSize(27).startsWith("1c1x").matches("[0-9A-Za-z]{27}");
        assertThat(Ids.next("1c", 62)).startsWith("1c10x");
        assertThat(Ids.next("1w", 62L * 62 * 62 + 61)).hasSize(27).startsWith("1w100zx");
    }

    @Test
    void theRandomPartDiffersBetweenIdsWithTheSameSequenceAndUsesEveryCharacter() {
        Set<String> ids = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            String id = Ids.next("1c", 7);
            ids.add(id);
            for (char c : id.substring(4).toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        assertThat(ids).hasSize(2000);
        // 46,000 draws over 62 characters: about 742 each; a biased or truncated alphabet shows far outside this band
        assertThat(counts.keySet()).hasSize(BASE62.length());
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(550, 950));
    }
}
