package io.github.partnerapi.harness.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Signs with the openssl binary, an oracle that is not our code. */
public final class OpenSsl {

    private OpenSsl() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code openssl dgst -sha256 -sign key}, encoded as unpadded base64url. */
    public static String sign(Path key, byte[] payload) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-sign", key.toString()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(payload);
        }
        byte[] raw = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("openssl failed: " + err);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
