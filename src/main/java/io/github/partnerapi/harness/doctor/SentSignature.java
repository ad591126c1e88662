package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.XSign;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code x-sign} value as sent, read leniently, to tell a copy or encoding mistake (whitespace,
 * the header name pasted along, padding, the standard alphabet, a value cut short) from a signature
 * over other bytes.
 */
final class SentSignature {

    private final String sent;
    private final String cleaned;
    private final List<String> slips = new ArrayList<>();

    SentSignature(String xSign) {
        this.sent = xSign == null ? "" : xSign;
        String value = sent.strip();
        if (!value.equals(sent)) {
            slips.add("whitespace around it");
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("x-sign:")) {
            value = value.substring("x-sign:".length()).strip();
            slips.add("the header name x-sign: in front");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            value = value.replaceAll("\\s+", "");
            slips.add("line breaks or spaces inside");
        }
        if (value.contains("=")) {
            slips.add("= padding");
        }
        if (value.contains("+") || value.contains("/")) {
            slips.add("the standard alphabet (+ and /)");
        }
        this.cleaned = value.replace('+', '-').replace('/', '_').replace("=", "");
    }

    /** The bytes of a hex-encoded x-sign (an even number of hex digits, at least 64), or empty. */
    Optional<byte[]> hexBytes() {
        if (cleaned.length() < 64 || cleaned.length() % 2 != 0 || !cleaned.matches("[0-9a-f]+|[0-9A-F]+")) {
            return Optional.empty();
        }
        return Optional.of(java.util.HexFormat.of().parseHex(cleaned.toLowerCase(Locale.ROOT)));
    }

    /** Whether the value as sent had copy slips (whitespace, the header name, padding, + and /). */
    boolean hasSlips() {
        return !slips.isEmpty();
    }

    /** The signature bytes, if the value decodes once its slips are undone. */
    Optional<byte[]> bytes() {
        return XSign.decode(cleaned);
    }

    /** What was wrong with the value as sent, e.g. "= padding and whitespace around it"; empty if nothing. */
    String slips() {
        return String.join(" and ", slips);
    }

    /** Why the value is no signature of a key whose signatures are {@code expectedBytes} long, or empty if it could be one. */
    Optional<String> malformation(int expectedBytes) {
        if (sent.isBlank()) {
            return Optional.of("x-sign is empty");
        }
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.of("x-sign has a character that is not base64url, '" + c + "', at position " + (i + 1)
                        + " of its value");
            }
        }
        Optional<byte[]> raw = bytes();
        if (raw.isEmpty() || raw.get().length != expectedBytes) {
            return Optional.of("x-sign has " + cleaned.length() + " base64url characters" + decodedLength(raw)
                    + "; this " + expectedBytes * 8 + "-bit key's signatures have " + charsFor(expectedBytes) + " ("
                    + expectedBytes + " bytes): it was cut short or joined with other text");
        }
        return Optional.empty();
    }

    /** Why a hex x-sign is not this key's signature. */
    String hexMalformation(int hexBytes, int expectedBytes) {
        return "x-sign is hex-encoded (" + cleaned.length() + " hex digits, " + hexBytes + " bytes), not base64url; this "
                + expectedBytes * 8 + "-bit key's signatures are " + expectedBytes + " bytes, sent as " + charsFor(expectedBytes)
                + " unpadded base64url characters";
    }

    static int charsFor(int bytes) {
        return (bytes * 8 + 5) / 6;
    }

    private static String decodedLength(Optional<byte[]> raw) {
        return raw.map(r -> " (" + r.length + " bytes)").orElse("");
    }
}
