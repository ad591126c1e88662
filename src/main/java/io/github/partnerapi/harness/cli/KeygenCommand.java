package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keygen}: writes a PKCS#1 {@code private.pem} (mode 600) and a {@code public.pem}. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Generates an RSA key pair: private.pem (PKCS#1, file mode 600) and public.pem.")
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the keys to.")
    Path out;

    @Option(names = "--bits", defaultValue = "2048", paramLabel = "N",
            description = "RSA key size, at least 2048 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--force", description = "Overwrite existing private.pem and public.pem.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (bits < 2048 || bits > 16384) {
            throw new ParameterException(spec.commandLine(), "--bits must be between 2048 and 16384, got " + bits);
        }
        KeyFiles.Written written = KeyFiles.generate(out, bits, force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + written.privateKey() + " (" + bits + "-bit RSA, PKCS#1, mode 600): keep it secret");
        stdout.println("wrote " + written.publicKey());
        stdout.println("next: upload the contents of " + written.publicKey()
                + " as the API public key of your Partner API account (web app: Settings > API),");
        stdout.println("      save the API key it issues in a file named apikey, then sign with: sign --key "
                + Shell.word(written.privateKey().toString()) + " --url URL");
        return 0;
    }
}
