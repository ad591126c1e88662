package io.github.partnerapi.harness.cli;

import java.nio.file.Path;

/**
 * Builds one ready-to-run curl command; the API key is read from its file by the shell, never printed. Every
 * value is quoted (the method too), so nothing in them runs when the line is pasted into a shell.
 */
final class Curl {

    private Curl() {
    }

    static String command(String method, String url, String header, String freshness, String signature,
            Path apiKeyFile, CurlBody body) {
        String verb = method != null ? method.toUpperCase(java.util.Locale.ROOT) : body.isEmpty() ? "GET" : "POST";
        StringBuilder cmd = new StringBuilder("curl -sS -X ").append(quote(verb)).append(' ').append(quote(url));
        cmd.append(" -H \"x-api-key: $(cat ").append(quote(apiKeyFile.toString())).append(")\"");
        cmd.append(" -H ").append(quote("x-sign: " + signature));
        cmd.append(" -H ").append(quote(header + ": " + freshness));
        if (!body.isEmpty()) {
            cmd.append(" -H ").append(quote("Content-Type: application/json"));
            cmd.append(" --data-binary ");
            cmd.append(body.file() != null ? "@" + quote(body.file().toString()) : ansiC(body.bytes()));
        }
        return cmd.toString();
    }

    /** POSIX single quotes: every byte literal except the quote itself. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Bash {@code $'...'} quoting: exact bytes, control and non-ASCII bytes as {@code \xHH}. */
    static String ansiC(byte[] bytes) {
        StringBuilder out = new StringBuilder("$'");
        for (byte raw : bytes) {
            int b = raw & 0xff;
            if (b == 0) {
                throw new CliException("the body contains a NUL byte, which a shell argument cannot carry; "
                        + "use --body-file FILE so curl reads the file itself");
            }
            if (b == '\'' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.append('\'').toString();
    }
}
