package io.github.partnerapi.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.catalogue.CaseResult.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static CaseResult result(String name, String description, String got, Verdict verdict, String message) {
        return new CaseResult(name, description, "stub", "401 signature", got, verdict, message, null, null);
    }

    @Test
    void everyRowEndsWithTheCaseDescriptionInAColumnOfItsOwn() {
        String table = ResultTable.render(List.of(
                result("crlf-sent", "Signed with LF line endings, sent with CRLF", "401 signature", Verdict.PASSED, ""),
                result("bom", "A byte order mark\nbefore the body", "200", Verdict.FAILED, "expected 401 signature but got 200")));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("case +expected +got +verdict +description");
        assertThat(lines.get(1)).matches("crlf-sent +401 signature +401 signature +passed +Signed with LF line endings, sent with CRLF");
        assertThat(lines.get(2)).endsWith("failed (expected 401 signature but got 200)  A byte order mark before the body");
        int column = lines.get(0).indexOf("description");
        assertThat(lines.get(1).indexOf("Signed")).isEqualTo(column);
        assertThat(lines.get(2).indexOf("A byte")).isEqualTo(column);
        assertThat(lines.get(3)).isEqualTo("1 passed, 1 failed");
    }

    @Test
    void aCaseWithoutDescriptionLeavesNoTrailingSpaces() {
        String table = ResultTable.render(List.of(result("x", null, "-", Verdict.SKIPPED, "needs a sandbox")));
        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        assertThat(table).endsWith("0 passed, 0 failed, 1 skipped" + System.lineSeparator());
    }
}
