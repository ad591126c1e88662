package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.Decimals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What the freshness value may have been when it was signed. */
final class FreshnessHypotheses {

    static final int WINDOW_SECONDS = 120;
    /** Bodies over 256 KiB: each timestamp tried costs a hash of the whole body, so ±30 s only. */
    static final int LARGE_BODY_WINDOW_SECONDS = 30;
    private static final int NONCE_STEPS = 3;

    private FreshnessHypotheses() {
    }

    /** A signed freshness value and how it relates to the sent one (a sentence). */
    record Value(String transformation, String value) {
    }

    /**
     * The values to try. {@code small} bodies also get every millisecond of the second sent: a
     * timestamp signed as {@code Date.now()} and sent as seconds has any last three digits.
     */
    static List<Value> of(String header, String sent, Clock clock, boolean small, boolean large) {
        int window = large ? LARGE_BODY_WINDOW_SECONDS : WINDOW_SECONDS;
        List<Value> out = new ArrayList<>();
        if (!Decimals.isLong(sent)) {
            return out;
        }
        long value = Long.parseLong(sent);
        String name = header == null ? "x-timestamp" : header;
        if (sent.length() >= 13) {
            out.add(new Value(name + " was sent in milliseconds (" + sent + "); it was signed in seconds ("
                    + value / 1000 + ")", Long.toString(value / 1000)));
            out.add(new Value(name + " was sent in milliseconds (" + sent + "); it was signed in seconds, rounded up ("
                    + (value + 999) / 1000 + ")", Long.toString((value + 999) / 1000)));
        } else if (sent.length() <= 11) {
            milliseconds(name, sent, value, small && "x-timestamp".equals(name), out);
        }
        if ("x-nonce".equals(header)) {
            for (int d = 1; d <= NONCE_STEPS; d++) {
                for (int sign : new int[] {-1, 1}) {
                    long signed = value + sign * d;
                    out.add(new Value("x-nonce was sent as " + sent + "; it was signed as " + signed + " (" + (sign * d > 0 ? "+" : "")
                            + sign * d + "): the nonce was read again or incremented between signing and sending",
                            Long.toString(signed)));
                }
            }
        }
        if ("x-timestamp".equals(header) && sent.length() <= 11) {
            around(value, sent, window, out);
        } else if ("x-nonce".equals(header)) {
            long now = clock.instant().getEpochSecond();
            for (long d = 0; d <= window; d = d <= 0 ? -d + 1 : -d) {
                out.add(new Value("x-nonce was sent as " + sent + "; a timestamp (" + String.format("%+d", d) + " s from now, "
                        + (now + d) + ") was signed", Long.toString(now + d)));
                if (d == -window) {
                    break;
                }
            }
        }
        return out;
    }

    private static void milliseconds(String name, String sent, long value, boolean small, List<Value> out) {
        out.add(new Value(name + " was sent in seconds (" + sent + "); it was signed in milliseconds (" + value * 1000 + ")",
                Long.toString(value * 1000)));
        if (!small) {
            return;
        }
        for (long second : new long[] {value, value - 1}) {
            for (int ms = 1; ms < 1000; ms++) {
                long signed = second * 1000 + ms;
                out.add(new Value(name + " was sent in seconds (" + sent + "); it was signed in milliseconds (" + signed
                        + "): the clock was read twice, once for the header and once for the signature", Long.toString(signed)));
            }
        }
    }

    private static void around(long sent, String text, int window, List<Value> out) {
        for (int d = 1; d <= window; d++) {
            for (int sign : new int[] {-1, 1}) {
                long signed = sent + sign * d;
                out.add(new Value("x-timestamp was sent as " + text + "; it was signed as " + signed + " ("
                        + String.format("%+d", sign * d) + " s): the clock was read twice", Long.toString(signed)));
            }
        }
    }
}
