package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.IoReasons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads curl commands as browsers ("Copy as cURL (bash)"), Postman and people write them, with
 * curl's own semantics: {@code -d @file} strips CR and LF, {@code --data-binary @file} sends the file
 * as it is, {@code --data-raw} takes no {@code @}, several data options are joined with {@code &}.
 * No shell is run.
 */
final class CurlCapture {

    /** Options that take a value but do not change the request's signed parts. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("-o", "--output", "-b", "--cookie", "-c", "--cookie-jar",
            "-A", "--user-agent", "-e", "--referer", "-u", "--user", "-m", "--max-time", "--connect-timeout", "-w",
            "--write-out", "--cacert", "--capath", "-E", "--cert", "--key", "-x", "--proxy", "--resolve", "--retry",
            "--retry-delay", "--max-redirs", "--limit-rate", "--interface", "--connect-to", "-T", "--upload-file",
            "--proxy-user", "--tls-max", "--ciphers", "-K", "--config", "--dump-header", "-D", "--trace", "--trace-ascii",
            "--stderr", "-r", "--range", "-z", "--time-cond", "--unix-socket", "--aws-sigv4", "--oauth2-bearer");
    private static final List<String> DATA = List.of("-d", "--data", "--data-ascii", "--data-binary", "--data-raw",
            "--data-urlencode", "--json");

    private final Path folder;
    private final String name;

    CurlCapture(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    List<CapturedRequest> read(byte[] text) {
        List<CapturedRequest> out = new ArrayList<>();
        List<ShellWords.Word> command = new ArrayList<>();
        for (ShellWords.Word word : ShellWords.split(text)) {
            if (word.isNewline()) {
                flush(command, out);
            } else {
                command.add(word);
            }
        }
        flush(command, out);
        if (out.isEmpty()) {
            throw new CaptureException(name + ": no curl command found (expected a line starting with curl)");
        }
        return out;
    }

    private void flush(List<ShellWords.Word> words, List<CapturedRequest> out) {
        int start = 0;
        while (start < words.size() && !isCurl(words.get(start).bytes())) {
            start++;
        }
        if (start < words.size()) {
            out.add(command(words.subList(start + 1, words.size()), words.get(start).line()));
        }
        words.clear();
    }

    private static boolean isCurl(String word) {
        return word.equals("curl") || word.equals("curl.exe") || word.endsWith("/curl");
    }

    private CapturedRequest command(List<ShellWords.Word> args, int line) {
        String method = null;
        String url = null;
        boolean get = false;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).bytes();
            String option = arg;
            String value = null;
            if (arg.startsWith("--") && arg.contains("=") && !arg.equals("--")) {
                // curl does not take --opt=value; a value glued to a long option is an error there too.
                throw new CaptureException(name + ": line " + line + ": curl reads '" + arg.substring(0, arg.indexOf('='))
                        + "' and its value as two words, not '" + utf8(arg) + "'");
            }
            if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2) {
                String flag = arg.substring(0, 2);
                if (takesValue(flag)) {
                    option = flag;
                    value = arg.substring(2);
                } else if (arg.chars().skip(1).allMatch(c -> "sSLkivgGfIN#q".indexOf(c) >= 0)) {
                    get |= arg.contains("G");
                    continue;
                }
            }
            if (takesValue(option) && value == null) {
                if (i + 1 >= args.size()) {
                    throw new CaptureException(name + ": line " + line + ": " + option + " needs a value");
                }
                value = args.get(++i).bytes();
            }
            switch (option) {
                case "-X", "--request" -> method = utf8(value);
                case "-H", "--header" -> header(utf8(value), headers, line);
                case "--url" -> url = utf8(value);
                case "-G", "--get" -> get = true;
                default -> {
                    if (DATA.contains(option)) {
                        data.add(data(option, value, line));
                    } else if (!option.startsWith("-") && url == null) {
                        url = utf8(option);
                    } else if (!option.startsWith("-")) {
                        throw new CaptureException(name + ": line " + line + ": a second URL '" + utf8(option)
                                + "'; one request per curl command");
                    }
                }
            }
        }
        if (url == null) {
            throw new CaptureException(name + ": line " + line + ": the curl command has no URL");
        }
        return request(method, url, get, headers, data, line);
    }

    private CapturedRequest request(String method, String url, boolean get, List<Map.Entry<String, String>> headers,
            List<byte[]> data, int line) {
        byte[] body = join(data);
        String fullUrl = url.contains("://") ? url : "http://" + url;
        if (get && !data.isEmpty()) {
            fullUrl += (fullUrl.contains("?") ? "&" : "?") + new String(body, StandardCharsets.UTF_8);
            body = new byte[0];
        }
        if (fullUrl.matches("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]+")) {
            fullUrl += "/";
        }
        String verb = method != null ? method : get || data.isEmpty() ? "GET" : "POST";
        return new CapturedRequest(verb, fullUrl, headers, body, "line " + line);
    }

    private static boolean takesValue(String option) {
        return Set.of("-X", "--request", "-H", "--header", "--url").contains(option) || DATA.contains(option)
                || IGNORED_WITH_VALUE.contains(option);
    }

    private void header(String value, List<Map.Entry<String, String>> headers, int line) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            if (value.endsWith(";")) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(value.substring(0, value.length() - 1).strip(), ""));
                return;
            }
            throw new CaptureException(name + ": line " + line + ": header '" + value + "' has no 'Name: value' form");
        }
        headers.add(new AbstractMap.SimpleImmutableEntry<>(value.substring(0, colon).strip(), value.substring(colon + 1).strip()));
    }

    /** One data option's bytes, as curl sends them. */
    private byte[] data(String option, String value, int line) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        boolean file = value.startsWith("@") && !option.equals("--data-raw") && !option.equals("--data-urlencode");
        if (!file) {
            return option.equals("--data-urlencode") ? urlencode(value) : bytes;
        }
        byte[] content = readFile(value.substring(1), option, line);
        if (option.equals("--data-binary") || option.equals("--json")) {
            return content;
        }
        return BodyHypotheses.removeLineBreaks(content);
    }

    private byte[] readFile(String file, String option, int line) {
        if (file.equals("-")) {
            throw new CaptureException(name + ": line " + line + ": " + option + " @- reads standard input when curl runs; "
                    + "put the body in a file next to the capture and write " + option + " @FILE");
        }
        Path path = folder.resolve(utf8(file));
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CaptureException(name + ": line " + line + ": " + option + " @" + utf8(file) + ": cannot read "
                    + path + " (" + IoReasons.of(e) + "); @file is read relative to the capture's folder");
        }
    }

    /** {@code --data-urlencode}: name=content sends name= and the content encoded; =content and content alone the content. */
    private static byte[] urlencode(String value) {
        String text = utf8(value);
        int eq = text.indexOf('=');
        String prefix = eq > 0 ? text.substring(0, eq + 1) : "";
        String content = eq >= 0 ? text.substring(eq + 1) : text;
        return (prefix + QueryEncoders.encode(content, "-._~*", true)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(List<byte[]> data) {
        ByteSink out = new ByteSink(256);
        for (int i = 0; i < data.size(); i++) {
            if (i > 0) {
                out.write('&');
            }
            out.write(data.get(i), 0, data.get(i).length);
        }
        return out.toByteArray();
    }

    private static String utf8(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
