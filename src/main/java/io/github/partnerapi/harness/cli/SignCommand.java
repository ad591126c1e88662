package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.RequestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sign}: prints {@code x-sign} and {@code x-timestamp} (or {@code x-nonce}) for a URL and body. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Signs a request like the public Partner API Signing Client.",
            "Prints two lines: x-sign: <signature> and x-timestamp: <t> (or x-nonce: <n>).",
            "Without --url it prompts for the URL, then reads the body from standard input to its end."})
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    PartnerApiCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "The full URL, exactly as it will be sent.")
    String url;

    @Option(names = "--body-file", paramLabel = "FILE",
            description = "The body, signed byte for byte as read; '-' for standard input. Default: standard "
                    + "input to its end, or no body when --url is given and standard input is a terminal.")
    String bodyFile;

    @Mixin
    FreshnessOptions freshnessOptions;

    @Option(names = "--format", defaultValue = "headers", paramLabel = "FORMAT",
            description = "headers (default) or curl: one ready-to-run curl command.")
    String format;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "HTTP method for --format curl (default: POST with a body, GET without).")
    String method;

    @Option(names = "--api-key-file", defaultValue = "apikey", paramLabel = "FILE",
            description = "File holding the API key, for --format curl (default: ${DEFAULT-VALUE}).")
    Path apiKeyFile;

    @Mixin
    KeyOptions keyOptions;

    @Override
    public Integer call() throws IOException {
        validate();
        RequestSigner signer = RequestSigner.of(keyOptions.privateKey());
        String header = freshnessOptions.header();
        String freshness = freshnessOptions.value(signer);
        String target = url != null ? url : promptForUrl();
        warnAbout(target);
        PrintWriter out = spec.commandLine().getOut();
        if ("curl".equals(format)) {
            CurlBody body = CurlBody.read(bodyFile, noBody(), root.stdin,
                    url == null ? this::promptForBody : () -> { });
            String signature;
            try (InputStream in = body.open()) {
                signature = signer.sign(freshness, target, in);
            }
            out.println(Curl.command(method, target, header, freshness, signature, apiKeyFile, body));
        } else {
            String signature;
            try (InputStream body = openBody()) {
                signature = signer.sign(freshness, target, body);
            }
            out.print("x-sign: " + signature + "\n" + header + ": " + freshness + "\n");
        }
        out.flush();
        return 0;
    }

    /**
     * Signs what it is given, but says so on standard error (standard output stays the two lines) when
     * the URL cannot be one a server sees: the Partner API verifies against the full URL as sent.
     */
    private void warnAbout(String target) {
        PrintWriter err = spec.commandLine().getErr();
        if (!target.startsWith("http://") && !target.startsWith("https://")) {
            err.println("warning: the URL does not start with http:// or https://; the Partner API signs the full URL as "
                    + "sent, e.g. https://api.qredo.network/api/v1/p/assets");
        }
        for (int i = 0; i < target.length(); i++) {
            if (Character.isWhitespace(target.charAt(i))) {
                err.println("warning: the URL has whitespace at position " + (i + 1) + ", which is signed as is; "
                        + "an HTTP client sends it trimmed or percent-encoded, so the signature will not match");
                break;
            }
        }
        err.flush();
    }

    private void validate() {
        freshnessOptions.validate(spec.commandLine());
        if (!"headers".equals(format) && !"curl".equals(format)) {
            throw new ParameterException(spec.commandLine(), "--format must be headers or curl, got '" + format + "'");
        }
    }

    private InputStream openBody() throws IOException {
        if (noBody()) {
            return InputStream.nullInputStream();
        }
        if (bodyFile == null || "-".equals(bodyFile)) {
            if (bodyFile == null && url == null) {
                promptForBody();
            }
            return root.stdin;
        }
        return openFile(Path.of(bodyFile));
    }

    private boolean noBody() {
        return bodyFile == null && url != null && root.stdinIsTerminal;
    }

    static InputStream openFile(Path file) throws IOException {
        return BodyInput.open(file, "--body-file");
    }

    private String promptForUrl() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        err.print("url: ");
        err.flush();
        String line = StdinLines.readLine(root.stdin);
        if (line == null || line.isBlank()) {
            throw new CliException("no URL given: type the full URL at the 'url:' prompt, or pass --url");
        }
        return line.strip();
    }

    private void promptForBody() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("body (end with Ctrl-D on its own line; empty for none):");
        err.flush();
    }
}
