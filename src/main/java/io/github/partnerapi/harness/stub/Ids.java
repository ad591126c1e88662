package io.github.partnerapi.harness.stub;

import java.security.SecureRandom;

/** Identifiers shaped like the Partner API's (27 characters, base62), unique within a stub. */
final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int UNBIASED_BELOW = 256 - 256 % 62;

    private Ids() {
    }

    /** {@code prefix} + the sequence number in base62 + random characters, 27 in all. */
    static String next(String prefix, long sequence) {
        StringBuilder id = new StringBuilder(prefix);
        StringBuilder seq = new StringBuilder();
        for (long n = sequence; n > 0; n /= 62) {
            seq.append(ALPHABET[(int) (n % 62)]);
        }
        id.append(seq.reverse()).append('x');
        appendRandom(id, 27 - id.length());
        return id.toString();
    }

    /**
     * Appends {@code count} uniformly random base62 characters, drawing the bytes for all of them at
     * once: a draw per character took the shared generator's locks two dozen times per id, which under
     * load made creating a company the stub's most contended step.
     */
    private static void appendRandom(StringBuilder id, int count) {
        byte[] bytes = new byte[count + 8];
        int used = bytes.length;
        for (int appended = 0; appended < count; ) {
            if (used == bytes.length) {
                RANDOM.nextBytes(bytes);
                used = 0;
            }
            int value = bytes[used++] & 0xff;
            if (value < UNBIASED_BELOW) { // 248 = 4 * 62: rejecting the rest keeps every character equally likely
                id.append(ALPHABET[value % ALPHABET.length]);
                appended++;
            }
        }
    }
}
