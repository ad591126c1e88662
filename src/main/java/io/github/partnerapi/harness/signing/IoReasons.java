package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file could not be read, in words for an error message (never a Java class name).
 *
 * <pre>{@code
 * throw new IllegalArgumentException(file + ": cannot read it (" + IoReasons.of(e) + ")");
 * }</pre>
 */
public final class IoReasons {

    private IoReasons() {
    }

    /** "no such file", "permission denied", the file system's own reason, or the error's text. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
}
