package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.allure.AllureAttachments;
import io.github.partnerapi.harness.restassured.ContractCheck;
import io.github.partnerapi.harness.restassured.ContractViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects one test's contract violations, attaching each to Allure as it is found. */
final class ContractLog {

    private final List<ContractViolation> violations = new ArrayList<>();

    void record(ContractCheck check) {
        for (ContractViolation violation : check.violations()) {
            AllureAttachments.contractViolation(violation);
        }
        synchronized (violations) {
            violations.addAll(check.violations());
        }
    }

    /** The violations found since the last call, which forgets them. */
    List<ContractViolation> drain() {
        synchronized (violations) {
            List<ContractViolation> found = List.copyOf(violations);
            violations.clear();
            return found;
        }
    }

    /** The failure of a test in {@code fail} mode: every violation, one per line. */
    static AssertionError failure(List<ContractViolation> found) {
        StringBuilder text = new StringBuilder().append(found.size()).append(" contract violation")
                .append(found.size() == 1 ? "" : "s").append(" against the Partner API's OpenAPI description (")
                .append(ConfigKey.CONTRACT.property()).append('=').append(ContractMode.FAIL.name().toLowerCase(Locale.ROOT))
                .append("; 'report' only attaches them to Allure):");
        for (ContractViolation violation : found) {
            text.append("\n  ").append(violation);
        }
        return new AssertionError(text.toString());
    }
}
