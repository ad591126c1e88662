package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** The text of a key file, with the errors a key file that is not PEM text deserves. */
final class KeyText {

    private KeyText() {
    }

    /** The most a key file may hold: 1 MiB (a PEM key is a few KiB; this keeps /dev/zero from filling memory). */
    static final int MAX_BYTES = 1024 * 1024;

    static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new KeyLoadException(file + ": is a directory; expected a PEM key file");
        }
        byte[] bytes;
        try {
            bytes = readAtMost(file, MAX_BYTES, "a PEM key is a few KiB; is this the key file?");
        } catch (NoSuchFileException e) {
            throw new KeyLoadException(file + ": no such file; expected a PEM key file");
        } catch (AccessDeniedException e) {
            throw new KeyLoadException(file + ": permission denied; the key file must be readable by this user");
        } catch (IOException e) {
            throw new KeyLoadException(file + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length == 0) {
            throw new KeyLoadException(file + ": the file is empty; expected a PEM key (-----BEGIN ...-----)");
        }
        if ((bytes[0] & 0xff) == 0x30) {
            throw binary(file, bytes);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * The file's bytes, read without looking further than {@code max} bytes (a device or a pipe has no size to
     * ask for first); a {@link KeyLoadException} naming the file when it holds more.
     */
    static byte[] readAtMost(Path file, int max, String hint) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new KeyLoadException(file + ": the file is over " + max / (1024 * 1024) + " MiB (" + max + " bytes); "
                        + hint);
            }
            return bytes;
        }
    }

    /**
     * Without a UTF-8 byte order mark (Windows editors write one) and with each line trimmed (a key
     * pasted from YAML or a wiki comes indented); PEM's base64 and header lines carry no meaningful
     * surrounding whitespace.
     */
    static String normalised(String text) {
        String pem = text;
        for (String bom : new String[] {"\uFEFF", "\u00EF\u00BB\u00BF"}) {
            if (pem.startsWith(bom)) {
                pem = pem.substring(bom.length());
            }
        }
        StringBuilder out = new StringBuilder(pem.length());
        pem.lines().forEach(line -> out.append(line.strip()).append('\n'));
        return out.toString();
    }

    private static KeyLoadException binary(Path file, byte[] bytes) {
        if (isPkcs12(bytes)) {
            return new KeyLoadException(file + ": a PKCS#12 keystore (.p12/.pfx); expected a PEM key. Extract the "
                    + "private key with: openssl pkcs12 -in " + file + " -nocerts -nodes -out private.pem");
        }
        return new KeyLoadException(file + ": this looks like a DER (binary) key; expected PEM text. "
                + "Convert it with: openssl rsa -inform DER -in " + file + " -out key.pem");
    }

    /** PFX: SEQUENCE { INTEGER 3, ContentInfo (data or signedData), ... } (RFC 7292). */
    private static boolean isPkcs12(byte[] bytes) {
        try {
            ASN1Sequence pfx = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
            if (pfx.size() < 2 || !(pfx.getObjectAt(0) instanceof ASN1Integer)
                    || ((ASN1Integer) pfx.getObjectAt(0)).intValueExact() != 3) {
                return false;
            }
            ContentInfo content = ContentInfo.getInstance(pfx.getObjectAt(1));
            return PKCSObjectIdentifiers.data.equals(content.getContentType())
                    || PKCSObjectIdentifiers.signedData.equals(content.getContentType());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
