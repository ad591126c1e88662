package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.RequestSigner;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --timestamp T} (or {@code -timestamp T}) or {@code --nonce N}, shared by the commands that sign. */
final class FreshnessOptions {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    @Option(names = "--timestamp", paramLabel = "T",
            description = "x-timestamp in Unix seconds (default: now). -timestamp T, the public client's spelling, works too.")
    String timestamp;

    /** The public Go client's flag, so its users' scripts keep working; hidden so usage lines show --timestamp. */
    @Option(names = "-timestamp", paramLabel = "T", hidden = true)
    void goClientTimestamp(String value) {
        timestamp = value;
    }

    @Option(names = "--nonce", paramLabel = "N", description = "Send x-nonce N instead of x-timestamp.")
    String nonce;

    /** Usage errors (exit 2) for both given, or a value that is not decimal. */
    void validate(CommandLine command) {
        if (timestamp != null && nonce != null) {
            throw new ParameterException(command, "give --timestamp or --nonce, not both");
        }
        if (timestamp != null && !DECIMAL.matcher(timestamp).matches()) {
            throw new ParameterException(command,
                    "--timestamp must be Unix time in seconds (decimal digits), got '" + timestamp + "'");
        }
        if (nonce != null && !DECIMAL.matcher(nonce).matches()) {
            throw new ParameterException(command, "--nonce must be a decimal integer, got '" + nonce + "'");
        }
    }

    String header() {
        return nonce == null ? "x-timestamp" : "x-nonce";
    }

    /** The value to send and sign: the nonce, the timestamp given, or now from the signer's clock. */
    String value(RequestSigner signer) {
        return nonce != null ? nonce : timestamp != null ? timestamp : signer.timestamp();
    }
}
