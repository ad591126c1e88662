package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes the files of credentials: in a folder only its owner can open (mode 700: created so, refused
 * otherwise), secrets ({@code private.pem}, {@code apikey}) with mode 600, never through a symbolic link.
 * Where the file system has no POSIX modes (Windows), only the link check applies.
 *
 * <pre>{@code
 * SecretFiles.requirePrivateFolder(dir);
 * SecretFiles.write(dir.resolve("apikey"), bytes, true, false);
 * }</pre>
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /** Creates {@code dir} with mode 700, or checks that the existing folder is a folder only its owner can open. */
    public static void requirePrivateFolder(Path dir) {
        try {
            if (Files.isSymbolicLink(dir)) {
                throw new IllegalArgumentException(dir + ": is a symbolic link; give the folder itself for credentials");
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (dir.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(dir.toAbsolutePath().getParent());
                }
                Files.createDirectory(dir, posix(dir, "rwx------"));
                return;
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(dir + ": is not a folder; credentials go in a folder");
            }
            if (isPosix(dir)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                if (mode.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                    throw new IllegalArgumentException(dir + ": the folder is mode " + octal(mode)
                            + "; a folder holding credentials must be 700 (only you can open it): chmod 700 " + dir
                            + ", or give a new folder");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create the credentials folder (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes a new file, mode 600 when {@code secret}. An existing file is refused unless {@code replace}; a
     * symbolic link is always refused (it is neither followed nor replaced).
     */
    public static void write(Path file, byte[] content, boolean secret, boolean replace) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException(file + ": is a symbolic link; credentials are never written "
                        + "through a link (remove it, or choose another folder)");
            }
            if (replace) {
                Files.deleteIfExists(file);
            }
            try {
                Files.createFile(file, posix(file.toAbsolutePath().getParent(), secret ? "rw-------" : "rw-r--r--"));
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException(file + " already exists; choose another folder or pass --force");
            }
            try (OutputStream out = Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write it (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a credentials file that is a symbolic link (read or written, the stub uses only regular files). */
    public static void refuseLink(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalArgumentException(file + ": is a symbolic link; the credentials folder must hold the "
                    + "files themselves");
        }
    }

    private static FileAttribute<?>[] posix(Path dir, String mode) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(mode))} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int value = 0;
        for (PosixFilePermission p : mode) {
            value |= 1 << (8 - p.ordinal());
        }
        return Integer.toOctalString(value);
    }
}
