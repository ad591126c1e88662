package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.IoReasons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Bodies a command holds whole ({@code verify}, {@code send}, {@code reproduce}): read up to {@link #MAX_BYTES}
 * without looking further, refused above it with one line naming the file. {@code sign} streams its body and
 * has no limit.
 */
final class BodyInput {

    /** The largest body held whole: 16 MiB (the stub accepts 10 MiB by default). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private BodyInput() {
    }

    /** The file's bytes; {@code option} names where the path came from, e.g. {@code --body-file}. */
    static byte[] file(Path file, String option) {
        try (InputStream in = open(file, option)) {
            return atMost(in, file.toString(), MAX_BYTES);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read it (" + IoReasons.of(e) + ")");
        }
    }

    /** Standard input's bytes to its end, at most {@code max}. */
    static byte[] stdin(InputStream in, int max) {
        try {
            return atMost(in, "standard input", max);
        } catch (IOException e) {
            throw new CliException("standard input: cannot read it (" + IoReasons.of(e) + ")");
        }
    }

    /** Opens a body file for streaming, with one-line errors naming it. */
    static InputStream open(Path file, String option) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CliException(file + ": is a directory; " + option + " expects the file holding the body");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file; " + option + " expects the file holding the body");
        } catch (AccessDeniedException e) {
            throw new CliException(file + ": permission denied; " + option + " must be readable by this user");
        }
    }

    private static byte[] atMost(InputStream in, String source, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new CliException(source + ": the body is over " + max + " bytes (" + max / (1024 * 1024)
                    + " MiB), the most this command reads; the Partner API and the stub take 10 MiB");
        }
        return bytes;
    }
}
