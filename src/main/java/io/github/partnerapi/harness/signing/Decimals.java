package io.github.partnerapi.harness.signing;

/**
 * The one check for a header value that is read as a number ({@code x-timestamp}, {@code x-nonce},
 * {@code Content-Length}): 1 to 19 ASCII digits that fit a signed 64-bit integer (at most
 * 9223372036854775807, e.g. {@code date +%s%N}), so {@link Long#parseLong(String)} always succeeds.
 * No sign, no spaces, no other digits than {@code 0-9}. A loop, not a regex: the stub runs it on
 * every request.
 *
 * <pre>{@code
 * String timestamp = headers.get("x-timestamp");
 * long seconds = Decimals.isLong(timestamp) ? Long.parseLong(timestamp) : -1;
 * }</pre>
 */
public final class Decimals {

    private static final String MAX = Long.toString(Long.MAX_VALUE);

    private Decimals() {
    }

    /** Whether {@code text} is 1 to 19 ASCII digits not above {@link Long#MAX_VALUE}; false for null. */
    public static boolean isLong(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return text.length() < MAX.length() || text.compareTo(MAX) <= 0;
    }
}
