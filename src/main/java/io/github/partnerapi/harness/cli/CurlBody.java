package io.github.partnerapi.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The body of a {@code sign --format curl} command: a file curl reads itself, or bytes to quote. */
record CurlBody(Path file, byte[] bytes) {

    static CurlBody read(String bodyFile, boolean noBody, InputStream stdin, Runnable prompt)
            throws IOException {
        if (noBody) {
            return new CurlBody(null, new byte[0]);
        }
        if (bodyFile == null || "-".equals(bodyFile)) {
            prompt.run();
            return new CurlBody(null, stdin.readAllBytes());
        }
        Path file = Path.of(bodyFile);
        try (InputStream in = SignCommand.openFile(file)) {
            return new CurlBody(file, in.readAllBytes());
        }
    }

    boolean isEmpty() {
        return bytes.length == 0;
    }
}
