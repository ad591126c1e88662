package io.github.partnerapi.harness.stub;

/** Percent-encodes what a {@link java.net.URI} cannot hold in a request target, leaving the rest as it is. */
final class TargetEncoding {

    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~!$&'()*+,;=:@/?";

    private TargetEncoding() {
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x21 || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static String escapeIllegal(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x80 && ALLOWED.indexOf(b) >= 0 || b == '%' && isEscape(bytes, i)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isEscape(byte[] bytes, int i) {
        return i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0;
    }
}
