package io.github.partnerapi.harness.doctor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Non-ASCII characters as JSON {@code \\uXXXX} escapes, and back. */
final class UnicodeEscapes {

    private UnicodeEscapes() {
    }

    /** Every non-ASCII character as {@code \\uXXXX} (UTF-16 units, surrogate pairs for the rest). */
    static byte[] escape(byte[] utf8, boolean upperHex) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                String hex = String.format("%04x", (int) c);
                out.append("\\u").append(upperHex ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code \\uXXXX} escapes of printable characters (not quote, backslash or controls) as raw UTF-8. */
    static byte[] unescape(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.append("\\\\");
                i += 2;
            } else if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u' && isHex(text, i + 2)) {
                char decoded = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
                if (decoded < 0x20 || decoded == '"' || decoded == '\\') {
                    out.append(text, i, i + 6);
                } else {
                    out.append(decoded);
                }
                i += 6;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
