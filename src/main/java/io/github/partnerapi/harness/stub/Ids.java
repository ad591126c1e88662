package io.github.partnerapi.harness.stub;

import java.security.SecureRandom;

/** Identifiers shaped like the Partner API's (27 characters, base62), unique within a stub. */
final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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
        while (id.length() < 27) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
