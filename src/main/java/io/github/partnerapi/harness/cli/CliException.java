package io.github.partnerapi.harness.cli;

/** A failure whose message already says what to do; printed as one line, exit code 1. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
