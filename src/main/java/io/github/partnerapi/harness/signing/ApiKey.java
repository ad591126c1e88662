package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Partner API key. Its {@link #toString()} and {@link #masked()} show only the first four
 * characters and the length, so it can appear in logs and reports.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.fromFile(Path.of("apikey"));   // trimmed, like the public client
 * ApiKey other = ApiKey.fromEnvironment("PARTNERAPI_API_KEY");
 * String header = key.value();                       // for the x-api-key header only
 * }</pre>
 */
public final class ApiKey {

    private static final Pattern HEADER_NAME = Pattern.compile("(?i)x-api-key\\s*[:=]");

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** The key as given, without surrounding whitespace. */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "the API key is required");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        return new ApiKey(headerSafe(trimmed, "the API key"));
    }

    /** Reads the key from a file and trims surrounding whitespace, as the public Signing Client does. */
    public static ApiKey fromFile(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a directory; expected a file holding the API key");
            }
            text = new String(KeyText.readAtMost(file, KeyText.MAX_BYTES, "an API key is a short line; is this "
                    + "the API key file?"), StandardCharsets.UTF_8);
        } catch (KeyLoadException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file; expected a file holding the API key");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the API key file (" + e.getClass().getSimpleName() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a Windows editor's byte order mark is not part of the key
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(file + ": the API key file is empty");
        }
        return new ApiKey(headerSafe(text.strip(), file + ": the API key"));
    }

    /** Reads the key from an environment variable. */
    public static ApiKey fromEnvironment(String variable) {
        String text = System.getenv(variable);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set; expected the API key");
        }
        return new ApiKey(headerSafe(text.strip(), "environment variable " + variable + ": the API key"));
    }

    /**
     * The key, if every character can go in an HTTP header value as is: visible ASCII or a space. The
     * message names the position and the character's code point, never the key.
     */
    private static String headerSafe(String key, String what) {
        if (HEADER_NAME.matcher(key).lookingAt()) {
            throw new IllegalArgumentException(what + " starts with the header name x-api-key; expected the key "
                    + "alone, as issued");
        }
        if (key.length() > 1 && "\"'`".indexOf(key.charAt(0)) >= 0 && key.charAt(key.length() - 1) == key.charAt(0)) {
            throw new IllegalArgumentException(what + " is in quotes (" + key.charAt(0) + "…" + key.charAt(0)
                    + "); expected the key alone, as issued");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " spans more than one line; expected the key alone on one line");
            }
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(what + " has a character that cannot go in an HTTP header at position "
                        + (i + 1) + " (U+" + String.format("%04X", (int) c) + "); expected the key as issued, in ASCII");
            }
        }
        return key;
    }

    /** The key in clear, for the {@code x-api-key} header. Never log it. */
    public String value() {
        return value;
    }

    /** The first four characters and the length, e.g. {@code "AbCd… (44 chars)"}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any secret-like string the same way as {@link #masked()}. */
    public static String mask(String secret) {
        if (secret == null) {
            return "(none)";
        }
        String head = secret.length() <= 4 ? "" : secret.substring(0, 4);
        return head + "… (" + secret.length() + " chars)";
    }

    /** A copy of request headers with the {@code x-api-key} value (any letter case) masked. */
    public static Map<String, String> maskHeaders(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, "x-api-key".equalsIgnoreCase(name) ? mask(value) : value));
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey && ((ApiKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
