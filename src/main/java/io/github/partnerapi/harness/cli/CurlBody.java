package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.IoReasons;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of a {@code sign --format curl} command: a file curl reads itself (signed as a stream, never held),
 * or bytes from standard input to quote into the command, up to {@link #MAX_INLINE_BYTES}.
 */
record CurlBody(Path file, byte[] bytes) {

    /** The most a body quoted into the command may hold: 128 KiB, the longest argument Linux passes to curl. */
    static final int MAX_INLINE_BYTES = 128 * 1024;

    static CurlBody read(String bodyFile, boolean noBody, InputStream stdin, Runnable prompt) throws IOException {
        if (noBody) {
            return new CurlBody(null, new byte[0]);
        }
        if (bodyFile == null || "-".equals(bodyFile)) {
            prompt.run();
            byte[] bytes = stdin.readNBytes(MAX_INLINE_BYTES + 1);
            if (bytes.length > MAX_INLINE_BYTES) {
                throw new CliException("standard input: the body is over " + MAX_INLINE_BYTES + " bytes, too long "
                        + "to quote into a curl command; save it in a file and pass --body-file FILE");
            }
            return new CurlBody(null, bytes);
        }
        Path file = Path.of(bodyFile);
        try (InputStream in = BodyInput.open(file, "--body-file")) {
            return new CurlBody(file, null);
        }
    }

    /** The body's bytes, streamed from the file when there is one. */
    InputStream open() throws IOException {
        return file != null ? BodyInput.open(file, "--body-file") : new ByteArrayInputStream(bytes);
    }

    boolean isEmpty() {
        try {
            return file != null ? Files.isRegularFile(file) && Files.size(file) == 0 : bytes.length == 0;
        } catch (IOException e) {
            throw new CliException(file + ": cannot read its size (" + IoReasons.of(e) + ")");
        }
    }
}
