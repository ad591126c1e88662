package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.catalogue.CaseResult.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The text table {@code check} prints: one row per case ({@code case  expected  got  verdict  description},
 * the verdict with the reason when not passed), ending with the line {@code N passed, M failed[, K skipped]}.
 *
 * <pre>{@code
 * System.out.print(ResultTable.render(results));
 * }</pre>
 */
public final class ResultTable {

    private ResultTable() {
    }

    public static String render(List<CaseResult> results) {
        String row = "%-" + width(results, "case", CaseResult::name) + "s  %-" + width(results, "expected",
                CaseResult::expected) + "s  %-" + width(results, "got", CaseResult::got) + "s  %-"
                + width(results, "verdict", ResultTable::verdict) + "s  %s";
        StringBuilder out = new StringBuilder();
        line(out, String.format(row, "case", "expected", "got", "verdict", "description"));
        for (CaseResult r : results) {
            line(out, String.format(row, r.name(), r.expected(), r.got(), verdict(r), oneLine(r.description())));
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

    private static int width(List<CaseResult> results, String heading, Function<CaseResult, String> column) {
        return Math.max(heading.length(), results.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0));
    }

    private static String verdict(CaseResult r) {
        return r.verdict().name().toLowerCase(Locale.ROOT) + (r.verdict() == Verdict.PASSED ? "" : " (" + r.message() + ")");
    }

    private static String oneLine(String description) {
        return description == null ? "" : description.strip().replaceAll("\\s+", " ");
    }

    /** A row without the padding the last column would leave. */
    private static void line(StringBuilder out, String row) {
        out.append(row.stripTrailing()).append(System.lineSeparator());
    }
}
