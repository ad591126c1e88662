package io.github.partnerapi.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** A public-client request folder: {@code uri} ("METHOD URL") and, for POST, PUT and PATCH, {@code body}. */
record RequestFolder(String method, String url, byte[] body, boolean hasBody, Path uriFile) {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    static RequestFolder read(Path folder, String baseUrl) {
        Path uriFile = folder.resolve("uri");
        String line = firstLine(uriFile);
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].matches("[A-Za-z]+") || !parts[1].matches("https?://.+")) {
            throw new CliException(uriFile + ": expected one line 'METHOD URL', e.g. "
                    + "'GET https://api.qredo.network/api/v1/p/assets', got '" + line.strip() + "'");
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        String url = baseUrl == null ? parts[1] : rebase(parts[1], baseUrl);
        boolean hasBody = WITH_BODY.contains(method);
        byte[] body = hasBody ? readBody(folder.resolve("body")) : new byte[0];
        return new RequestFolder(method, url, body, hasBody, uriFile);
    }

    /** Replaces scheme, host and port, keeping path and query exactly as written. */
    static String rebase(String url, String baseUrl) {
        if (!baseUrl.matches("https?://[^/?#]+/?")) {
            throw new CliException("--base-url must be scheme://host[:port], e.g. http://127.0.0.1:8080, got '"
                    + baseUrl + "'");
        }
        int start = url.indexOf("://") + 3;
        int slash = url.indexOf('/', start);
        String rest = slash < 0 ? "" : url.substring(slash);
        return baseUrl.replaceAll("/$", "") + rest;
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return nl < 0 ? text : text.substring(0, nl);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file; a request folder holds 'uri' (METHOD URL) and, "
                    + "for POST, PUT and PATCH, 'body'");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] readBody(Path file) {
        if (!Files.exists(file)) {
            throw new CliException(file + ": no such file; POST, PUT and PATCH requests need a body file");
        }
        return BodyInput.file(file, "a request folder's body");
    }
}
