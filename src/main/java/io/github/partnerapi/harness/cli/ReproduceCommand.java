package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.IoReasons;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.catalogue.CaseWriter;
import io.github.partnerapi.harness.doctor.CaptureException;
import io.github.partnerapi.harness.doctor.CapturedRequest;
import io.github.partnerapi.harness.doctor.Captures;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.signing.KeyLoadException;
import io.github.partnerapi.harness.signing.PemKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reproduce}: a curl command, HAR file or raw HTTP request in; each signed request verified and diagnosed. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reads a capture (a curl command, a HAR 1.2 file or a raw HTTP/1.1 request) and verifies each "
            + "signed request in it; for each that does not verify, names the cause, what to change, and the diff.",
            "Exit 0 when every request verifies, 1 when any does not, 2 for a usage error.",
            "--save-case DIR turns the first failing request into a catalogue case for check --cases."})
final class ReproduceCommand implements Callable<Integer> {

    /** The largest capture read: a HAR of many requests with their bodies, far beyond one 10 MiB body. */
    static final int MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @ParentCommand
    PartnerApiCli root;

    @Parameters(index = "0", paramLabel = "CAPTURE", description = "The capture file, or '-' for standard input.")
    String capture;

    @Option(names = "--public-key", required = true, paramLabel = "PEM", description = "The public key (PEM, or an OpenSSH ssh-rsa line).")
    Path publicKey;

    @Option(names = "--other-public-key", paramLabel = "PEM", description = "Another key it may have been signed with (repeatable).")
    List<Path> otherKeys = new ArrayList<>();

    @Option(names = "--format", paramLabel = "F", defaultValue = "auto", description = "auto, curl, har or http (default: auto).")
    String format;

    @Option(names = "--scheme", paramLabel = "S", defaultValue = "https", description = "The scheme of a raw HTTP request's URL: https (default) or http.")
    String scheme;

    @Option(names = "--json", description = "Print one JSON object per request (JSON Lines).")
    boolean json;

    @Option(names = "--save-case", paramLabel = "DIR", description = "Write the first request that does not verify as a catalogue case in DIR.")
    Path saveCase;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<CapturedRequest> requests;
        try {
            requests = requests();
        } catch (CaptureException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        SignatureDoctor doctor;
        try {
            SignatureDoctor.Builder builder = SignatureDoctor.builder(PemKeys.readPublicKey(publicKey));
            otherKeys.forEach(k -> builder.otherPublicKey(PemKeys.readPublicKey(k)));
            doctor = builder.build();
        } catch (KeyLoadException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        CapturedRequest firstFailure = null;
        Finding firstFinding = null;
        for (CapturedRequest request : requests) {
            Finding finding = doctor.diagnose(request.toSentRequest());
            if (json) {
                out.println(mapper.writeValueAsString(asJson(request, finding)));
            } else {
                out.println(request + " (" + request.source() + ")");
                out.println(finding.report());
                out.println();
            }
            if (!finding.valid() && firstFailure == null) {
                firstFailure = request;
                firstFinding = finding;
            }
        }
        out.flush();
        if (saveCase != null) {
            save(firstFailure, firstFinding, err);
        }
        return firstFailure == null ? 0 : 1;
    }

    private void save(CapturedRequest request, Finding finding, PrintWriter err) {
        if (request == null) {
            err.println("every request verifies: no case written to " + saveCase);
        } else {
            CaseWriter.Written written = CaseWriter.write(saveCase, request, finding, captureName());
            err.println("wrote " + written.folder() + " (expect.cause=" + finding.cause().code() + "); run it with: "
                    + "java -jar target/partnerapi-harness.jar check --cases " + written.folder().getParent());
            written.warnings().forEach(w -> err.println("note: " + w));
        }
        err.flush();
    }

    private List<CapturedRequest> requests() {
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new CaptureException("--scheme '" + scheme + "' is not https or http");
        }
        Captures.Format kind = Captures.Format.of(format);
        Path folder = "-".equals(capture) ? Path.of("") : parentOf(Path.of(capture));
        return Captures.parse(readCapture(), kind, captureName(), folder, scheme);
    }

    private String captureName() {
        return "-".equals(capture) ? "standard input" : capture;
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** The capture's bytes: the one place reproduce reads its input (a size limit goes here). */
    private byte[] readCapture() {
        try (InputStream in = "-".equals(capture) ? root.stdin : Files.newInputStream(Path.of(capture))) {
            byte[] bytes = in.readNBytes(MAX_CAPTURE_BYTES + 1);
            if (bytes.length > MAX_CAPTURE_BYTES) {
                throw new CaptureException(capture + ": over " + MAX_CAPTURE_BYTES / (1024 * 1024) + " MiB, the most "
                        + "reproduce reads; keep only the requests that failed");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CaptureException(capture + ": no such file; CAPTURE is a curl command, HAR or raw HTTP file, or - "
                    + "for standard input");
        } catch (IOException e) {
            throw new CaptureException(capture + ": cannot read it (" + IoReasons.of(e) + ")");
        }
    }

    static Map<String, Object> asJson(CapturedRequest request, Finding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.method());
        out.put("url", request.url());
        out.put("valid", finding.valid());
        out.put("cause", finding.cause().code());
        out.put("causes", finding.causes().stream().map(c -> c.code()).toList());
        out.put("explanation", finding.valid() ? null : finding.explanation());
        out.put("transformation", finding.transformation());
        out.put("diff", finding.diff() == null || finding.valid() ? null : Map.of("offset", finding.diff().offset(),
                "signed", finding.diff().signed(), "sent", finding.diff().sent()));
        out.put("source", request.source());
        return out;
    }
}
