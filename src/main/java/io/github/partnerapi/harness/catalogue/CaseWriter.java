package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.signing.IoReasons;

import io.github.partnerapi.harness.doctor.CapturedRequest;
import io.github.partnerapi.harness.doctor.Cause;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.signing.StringToSign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a request that did not verify as a catalogue case: what was sent ({@code uri}, {@code body}),
 * what the doctor found was signed ({@code signed-uri}, {@code signed-body}, {@code signed-freshness},
 * {@code signature}) and {@code case.properties} expecting a 401 with the cause. {@code check --cases}
 * then runs it against the stub: a bug report becomes a regression test.
 *
 * <pre>{@code
 * CaseWriter.write(Path.of("testdata/cases/pretty-sent"), request, finding, "401.har");
 * }</pre>
 */
public final class CaseWriter {

    private static final String BASE_PATH = "/api/v1/p";
    private static final Pattern URL = Pattern.compile("(https?)://([^/?#]+)([^?#]*)(\\?[^#]*)?.*", Pattern.DOTALL);

    private CaseWriter() {
    }

    /** The folder written and what the case cannot carry over from the capture. */
    public record Written(Path folder, List<String> warnings) {
    }

    public static Written write(Path folder, CapturedRequest request, Finding finding, String captureName) {
        if (Files.exists(folder.resolve("uri")) || Files.exists(folder.resolve("case.properties"))) {
            throw new CatalogueException(folder + ": a case is already there; choose another folder for --save-case");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("description", "Reproduced from " + captureName + " (" + request.source() + "): "
                + (finding.transformation() == null ? "the doctor found no cause" : finding.transformation()));
        files.put("uri", (request.method() + " " + belowBase(request.url(), warnings) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = request.body();
        if (body.length > 0) {
            files.put("body", body);
            String type = request.header("Content-Type").orElse("application/json");
            if (!type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                settings.put("content-type", type.strip());
            }
        }
        if ("x-nonce".equals(request.freshnessHeader())) {
            settings.put("freshness", "nonce");
        }
        signed(request, finding, files, settings, warnings);
        settings.put("expect.status", "401");
        settings.put("expect.reason", "signature");
        settings.put("expect.cause", finding.cause().code());
        files.put("case.properties", properties(settings));
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new CatalogueException(folder + ": cannot write the case (" + IoReasons.of(e) + ")");
        }
        return new Written(folder, warnings);
    }

    private static void signed(CapturedRequest request, Finding finding, Map<String, byte[]> files,
            Map<String, String> settings, List<String> warnings) {
        List<Cause> causes = finding.causes();
        String freshness = request.toSentRequest().freshness();
        byte[] signed = finding.signedPayload();
        byte[] body = request.body();
        String code = finding.cause().code();
        if (signed != null && code.startsWith("body-")) {
            byte[] prefix = StringToSign.prefix(freshness, request.url());
            files.put("signed-body", Arrays.copyOfRange(signed, prefix.length, signed.length));
        } else if (signed != null && code.startsWith("url-")) {
            int from = freshness.getBytes(StandardCharsets.UTF_8).length;
            String signedUrl = new String(signed, from, signed.length - from - body.length, StandardCharsets.UTF_8);
            files.put("signed-uri", (signedUri(request.url(), signedUrl) + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (signed != null && finding.cause() == Cause.FRESHNESS_VALUE) {
            int end = signed.length - body.length - request.url().getBytes(StandardCharsets.UTF_8).length;
            settings.put("signed-freshness", signedFreshness(freshness, new String(signed, 0, end, StandardCharsets.UTF_8)));
        } else if (finding.cause() == Cause.UNKNOWN) {
            warnings.add("the doctor found no cause, so the case signs what it sends and the target will answer 200: "
                    + "put what was signed in signed-body or signed-uri, or fix expect.status");
        }
        if (causes.contains(Cause.WRONG_KEY)) {
            settings.put("signature", "other-key");
        } else if (causes.contains(Cause.SIGNATURE_MALFORMED)) {
            settings.put("signature", "truncated");
        } else if (causes.contains(Cause.SIGNATURE_ENCODING)) {
            String x = request.header("x-sign").orElse("");
            boolean standard = x.contains("+") || x.contains("/");
            settings.put("signature", standard ? "standard" : "padded");
            if (!standard && !x.contains("=")) {
                warnings.add("x-sign's slip (" + finding.transformation() + ") is written as = padding, the nearest "
                        + "the catalogue can send; the cause stays signature-encoding");
            }
        }
    }

    /** A signed URL as a signed-uri: below the target's base when it can be, else with placeholders or as it is. */
    static String signedUri(String sentUrl, String signedUrl) {
        Matcher sent = URL.matcher(sentUrl);
        Matcher signed = URL.matcher(signedUrl);
        if (!sent.matches()) {
            return signedUrl;
        }
        String sentOrigin = sent.group(1) + "://" + sent.group(2);
        if (!signed.matches()) {
            boolean base = signedUrl.equals(BASE_PATH) || signedUrl.startsWith(BASE_PATH + "/")
                    || signedUrl.startsWith(BASE_PATH + "?");
            return "{path-only}" + (base ? "{base-path}" + signedUrl.substring(BASE_PATH.length()) : signedUrl);
        }
        String rest = signedUrl.substring((signed.group(1) + "://" + signed.group(2)).length());
        if (signedUrl.startsWith(sentOrigin + BASE_PATH + "/") || signedUrl.startsWith(sentOrigin + BASE_PATH + "?")) {
            return signedUrl.substring((sentOrigin + BASE_PATH).length());
        }
        if (signed.group(2).equals(sent.group(2))) {
            String scheme = signed.group(1).equals(sent.group(1)) ? "{scheme}" : signed.group(1);
            return scheme + "://{authority}" + rest.replaceFirst("^" + Pattern.quote(BASE_PATH) + "(?=[/?]|$)", "{base-path}");
        }
        return signedUrl;
    }

    private static String signedFreshness(String sent, String signed) {
        try {
            long s = Long.parseLong(sent);
            long g = Long.parseLong(signed);
            if (g == s * 1000) {
                return "ms";
            }
            return (g - s >= 0 ? "+" : "") + (g - s);
        } catch (NumberFormatException e) {
            return "+0";
        }
    }

    private static String belowBase(String url, List<String> warnings) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            warnings.add("the URL '" + url + "' has no http(s)://host; the case sends it as a path below the target's base");
            return url.startsWith("/") ? url : "/" + url;
        }
        String path = m.group(3).isEmpty() ? "/" : m.group(3);
        String query = m.group(4) == null ? "" : m.group(4);
        if (path.equals(BASE_PATH) || path.startsWith(BASE_PATH + "/")) {
            path = path.substring(BASE_PATH.length());
        } else {
            warnings.add("the path " + path + " is not below " + BASE_PATH + "; the case sends it below the target's base");
        }
        return (path.isEmpty() ? "/" : path) + query;
    }

    private static byte[] properties(Map<String, String> settings) {
        StringBuilder out = new StringBuilder("# written by reproduce --save-case\n");
        settings.forEach((key, value) -> out.append(key).append('=').append(value.replace("\\", "\\\\")
                .replace("\n", "\\n").replace("\r", "\\r")).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
