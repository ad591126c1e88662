package io.github.partnerapi.harness.junit;

/** What {@code partnerapi.contract} does with a contract violation. */
enum ContractMode {
    /** Fails the test with an {@code AssertionError} listing every violation (and attaches each to Allure). */
    FAIL,
    /** Attaches each violation to Allure; the test's outcome is its own. */
    REPORT,
    /** No contract checks. */
    OFF
}
