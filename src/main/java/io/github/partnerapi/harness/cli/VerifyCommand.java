package io.github.partnerapi.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.signing.PemKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code verify}: checks an x-sign and, when it fails, explains why with the signature doctor. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies an x-sign; when it does not verify, names the cause, what to change, and the diff.",
            "Exit 0 and 'valid' when it verifies, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--public-key", required = true, paramLabel = "PEM", description = "The public key (PEM, or an OpenSSH ssh-rsa line).")
    Path publicKey;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The full URL as sent.")
    String url;

    @Option(names = "--body-file", paramLabel = "F",
            description = "The body as sent ('-' for standard input; default: none); up to 16 MiB.")
    String bodyFile;

    @Option(names = "--timestamp", paramLabel = "T", description = "The x-timestamp sent.")
    String timestamp;

    @Option(names = "--nonce", paramLabel = "N", description = "The x-nonce sent.")
    String nonce;

    @Option(names = "--signature", required = true, paramLabel = "S", description = "The x-sign sent.")
    String signature;

    @Option(names = "--other-public-key", paramLabel = "PEM", description = "Another key it may have been signed with (repeatable).")
    List<Path> otherKeys = new ArrayList<>();

    @Option(names = "--candidate-base-url", paramLabel = "URL", description = "Another scheme://host it may have been signed for (repeatable).")
    List<String> baseUrls = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @picocli.CommandLine.ParentCommand
    PartnerApiCli root;

    @Override
    public Integer call() throws IOException {
        if ((timestamp == null) == (nonce == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --timestamp or --nonce");
        }
        SignatureDoctor.Builder builder = SignatureDoctor.builder(PemKeys.readPublicKey(publicKey));
        otherKeys.forEach(k -> builder.otherPublicKey(PemKeys.readPublicKey(k)));
        baseUrls.forEach(builder::candidateBaseUrl);
        String header = timestamp != null ? "x-timestamp" : "x-nonce";
        Finding finding = builder.build().diagnose(new SentRequest(header, timestamp != null ? timestamp : nonce,
                url, body(), signature));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().writeValueAsString(asJson(finding)) : finding.report());
        out.flush();
        return finding.valid() ? 0 : 1;
    }

    private byte[] body() {
        if (bodyFile == null) {
            return new byte[0];
        }
        return "-".equals(bodyFile) ? BodyInput.stdin(root.stdin, BodyInput.MAX_BYTES)
                : BodyInput.file(Path.of(bodyFile), "--body-file");
    }

    static Map<String, Object> asJson(Finding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", finding.valid());
        out.put("cause", finding.cause().code());
        if (!finding.valid()) {
            out.put("explanation", finding.explanation());
            out.put("transformation", finding.transformation());
            if (finding.diff() != null) {
                out.put("diff", Map.of("offset", finding.diff().offset(), "signed", finding.diff().signed(),
                        "sent", finding.diff().sent()));
            }
        }
        return out;
    }
}
