package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Generates RSA key pairs and writes them as PEM: {@code private.pem} in PKCS#1 (what the public
 * tools write) with file mode 600, and {@code public.pem} as {@code PUBLIC KEY}.
 *
 * <pre>{@code
 * KeyFiles.Written keys = KeyFiles.generate(Path.of("keys"), 2048, false);
 * RequestSigner signer = RequestSigner.fromPemFile(keys.privateKey());
 * }</pre>
 */
public final class KeyFiles {

    /** The two files written. */
    public record Written(Path privateKey, Path publicKey) {
    }

    private KeyFiles() {
    }

    /** A new RSA key pair of the given size. */
    public static KeyPair newKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /**
     * The public half of an RSA private key, from the modulus and public exponent that PKCS#1 and
     * PKCS#8 keys carry; empty for a key without them.
     */
    public static Optional<PublicKey> publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Generates a pair into {@code dir}; refuses to overwrite existing files unless {@code force}. */
    public static Written generate(Path dir, int bits, boolean force) {
        return write(newKeyPair(bits), dir, force);
    }

    /**
     * Writes a pair into {@code dir} (created with mode 700, or refused when it exists with access for others),
     * {@code private.pem} with mode 600, never through a symbolic link; refuses to overwrite existing files
     * unless {@code force}.
     */
    public static Written write(KeyPair pair, Path dir, boolean force) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        SecretFiles.requirePrivateFolder(dir);
        if (!force) {
            refuseExisting(privateFile);
            refuseExisting(publicFile);
        }
        SecretFiles.write(privateFile, toPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII), true, force);
        SecretFiles.write(publicFile, toPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII), false, force);
        return new Written(privateFile, publicFile);
    }

    /** PEM text of a key: PKCS#1 {@code RSA PRIVATE KEY} for RSA private keys, {@code PUBLIC KEY} for public. */
    public static String toPem(java.security.Key key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the key as PEM", e);
        }
        return text.toString();
    }

    private static void refuseExisting(Path file) {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(file + " already exists; choose another --out folder or pass --force");
        }
    }
}
