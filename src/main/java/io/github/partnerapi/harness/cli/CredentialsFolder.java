package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.SecretFiles;
import io.github.partnerapi.harness.stub.StubCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials of {@code stub --credentials-dir}: what the folder already holds is used as it is (a
 * restart keeps the API key and keys the user has configured elsewhere), only what is missing is created.
 * The folder is 700 (created so, refused otherwise), secrets 600, symbolic links refused.
 */
record CredentialsFolder(Path dir, ApiKey apiKey, PublicKey publicKey, List<String> reused, List<String> created) {

    static CredentialsFolder open(Path dir) {
        SecretFiles.requirePrivateFolder(dir);
        Path apiKeyFile = dir.resolve("apikey");
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        for (Path file : List.of(apiKeyFile, privateFile, publicFile)) {
            SecretFiles.refuseLink(file);
        }
        List<String> reused = new ArrayList<>();
        List<String> created = new ArrayList<>();
        StubCredentials fresh = null;
        ApiKey apiKey;
        if (exists(apiKeyFile)) {
            apiKey = ApiKey.fromFile(apiKeyFile);
            reused.add("apikey");
        } else {
            fresh = StubCredentials.generate();
            apiKey = fresh.apiKey();
            SecretFiles.write(apiKeyFile, (apiKey.value() + "\n").getBytes(StandardCharsets.US_ASCII), true, false);
            created.add("apikey");
        }
        PublicKey publicKey = keys(privateFile, publicFile, fresh, reused, created);
        return new CredentialsFolder(dir, apiKey, publicKey, List.copyOf(reused), List.copyOf(created));
    }

    private static PublicKey keys(Path privateFile, Path publicFile, StubCredentials fresh, List<String> reused,
            List<String> created) {
        boolean hasPrivate = exists(privateFile);
        boolean hasPublic = exists(publicFile);
        if (hasPublic) {
            reused.add("public.pem");
            if (hasPrivate) {
                reused.add("private.pem");
            }
            return PemKeys.readPublicKey(publicFile);
        }
        if (hasPrivate) {
            PrivateKey key = PemKeys.readPrivateKey(privateFile, null);
            PublicKey derived = KeyFiles.publicKeyOf(key).orElseThrow(() -> new CliException(privateFile
                    + ": cannot derive its public key; put the matching public.pem beside it"));
            SecretFiles.write(publicFile, KeyFiles.toPem(derived).getBytes(StandardCharsets.US_ASCII), false, false);
            reused.add("private.pem");
            created.add("public.pem");
            return derived;
        }
        KeyPair pair = (fresh != null ? fresh : StubCredentials.generate()).keyPair();
        SecretFiles.write(privateFile, KeyFiles.toPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII), true,
                false);
        SecretFiles.write(publicFile, KeyFiles.toPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII), false,
                false);
        created.add("private.pem");
        created.add("public.pem");
        return pair.getPublic();
    }

    private static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** One line: what was reused and what was created. */
    String summary() {
        StringBuilder line = new StringBuilder();
        if (!reused.isEmpty()) {
            line.append("reusing credentials in ").append(dir).append(": ").append(String.join(", ", reused));
        }
        if (!created.isEmpty()) {
            line.append(line.length() == 0 ? "generated credentials in " + dir + ": " : "; created: ")
                    .append(String.join(", ", created));
        }
        return line.toString();
    }

    boolean hasPrivateKey() {
        return reused.contains("private.pem") || created.contains("private.pem");
    }
}
