package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.catalogue.CaseResult.Verdict;
import java.util.List;

/**
 * The text table {@code check} prints, ending with the line {@code N passed, M failed[, K skipped]}.
 *
 * <pre>{@code
 * System.out.print(ResultTable.render(results));
 * }</pre>
 */
public final class ResultTable {

    private ResultTable() {
    }

    public static String render(List<CaseResult> results) {
        int nameWidth = Math.max(4, results.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        int expectedWidth = Math.max(8, results.stream().mapToInt(r -> r.expected().length()).max().orElse(8));
        int gotWidth = Math.max(3, results.stream().mapToInt(r -> r.got().length()).max().orElse(3));
        String row = "%-" + nameWidth + "s  %-" + expectedWidth + "s  %-" + gotWidth + "s  %s%n";
        StringBuilder out = new StringBuilder(String.format(row, "case", "expected", "got", "verdict"));
        for (CaseResult r : results) {
            String verdict = r.verdict().name().toLowerCase(java.util.Locale.ROOT)
                    + (r.verdict() == Verdict.PASSED ? "" : " (" + r.message() + ")");
            out.append(String.format(row, r.name(), r.expected(), r.got(), verdict));
        }
        long passed = results.stream().filter(r -> r.verdict() == Verdict.PASSED).count();
        long failed = results.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
        long skipped = results.stream().filter(r -> r.verdict() == Verdict.SKIPPED).count();
        out.append(passed).append(" passed, ").append(failed).append(" failed");
        if (skipped > 0) {
            out.append(", ").append(skipped).append(" skipped");
        }
        return out.append(System.lineSeparator()).toString();
    }
}
