package io.github.partnerapi.harness.doctor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a user holds after a 401 (a curl command, a HAR 1.2 file or a raw HTTP/1.1 request)
 * into the requests sent, for the {@link SignatureDoctor}.
 *
 * <pre>{@code
 * List<CapturedRequest> requests = Captures.parse(Files.readAllBytes(har), Captures.Format.AUTO,
 *         "401.har", har.getParent(), "https");
 * }</pre>
 */
public final class Captures {

    /** What a capture holds; {@link #AUTO} tells by its first bytes. */
    public enum Format {
        AUTO, CURL, HAR, HTTP;

        /** The format named {@code auto}, {@code curl}, {@code har} or {@code http}. */
        public static Format of(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return format;
                }
            }
            throw new CaptureException("format '" + name + "' is not one of auto, curl, har, http");
        }
    }

    /** The one line said when a capture is none of the formats. */
    public static final String FORMATS = "reproduce reads a curl command (curl 'https://…' -H 'x-sign: …' …), a HAR 1.2 "
            + "file (JSON with log.entries) or a raw HTTP/1.1 request (METHOD /path HTTP/1.1, headers, a blank line, the body)";

    private Captures() {
    }

    /**
     * The requests in a capture, in capture order.
     *
     * @param bytes the capture
     * @param format its format, or AUTO
     * @param name how to name it in messages (its file name)
     * @param folder where {@code @file} in a curl command is read from
     * @param scheme the scheme of a raw HTTP request's URL ({@code https} or {@code http})
     */
    public static List<CapturedRequest> parse(byte[] bytes, Format format, String name, Path folder, String scheme) {
        Format actual = format == Format.AUTO ? detect(bytes, name) : format;
        List<CapturedRequest> all = switch (actual) {
            case CURL -> new CurlCapture(folder, name).read(bytes);
            case HAR -> new HarCapture(name).read(bytes);
            case HTTP -> new HttpCapture(name, scheme, bytes).read();
            case AUTO -> throw new IllegalStateException("detect never answers AUTO");
        };
        List<CapturedRequest> signed = all.stream().filter(CapturedRequest::signed).toList();
        if (signed.isEmpty()) {
            throw new CaptureException(name + ": none of its " + all.size() + " request(s) has an x-sign header; reproduce "
                    + "diagnoses signed requests (copy the request that got the 401)");
        }
        return signed;
    }

    /** The format a capture's first bytes show. */
    static Format detect(byte[] bytes, String name) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String start = head.stripLeading();
        while (start.startsWith("#")) {
            int end = start.indexOf('\n');
            start = end < 0 ? "" : start.substring(end + 1).stripLeading();
        }
        if (start.startsWith("{")) {
            return Format.HAR;
        }
        String firstLine = start.lines().findFirst().orElse("");
        String command = firstLine.replaceFirst("^\\$\\s+", "");
        if (command.matches("(?s)(\\S*/)?curl(\\.exe)?(\\s.*)?")) {
            return Format.CURL;
        }
        if (HttpCapture.REQUEST_LINE.matcher(firstLine.strip()).matches()) {
            return Format.HTTP;
        }
        String shown = firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine;
        throw new CaptureException(name + ": not a capture " + (bytes.length == 0 ? "(the file is empty)"
                : (shown.toLowerCase(Locale.ROOT).contains("key") ? "(its first line is not a request)" : "(it starts with '" + shown.strip() + "')")) + "; " + FORMATS);
    }
}
