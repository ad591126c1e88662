package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.KeyLoadException;
import java.io.UncheckedIOException;

/** One line that says what went wrong and what to do, for standard error. */
final class Errors {

    private Errors() {
    }

    static String oneLine(Throwable e) {
        if (e instanceof KeyLoadException || e instanceof CliException || e instanceof IllegalArgumentException
                || e instanceof io.github.partnerapi.harness.catalogue.CatalogueException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give the JVM more with java -Xmx… or use a smaller input";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message + " (run again with --verbose for details)";
    }
}
