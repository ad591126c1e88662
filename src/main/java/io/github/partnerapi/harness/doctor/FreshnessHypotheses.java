package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.signing.Decimals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What the freshness value may have been when it was signed. */
final class FreshnessHypotheses {

    static final int WINDOW_SECONDS = 120;

    private FreshnessHypotheses() {
    }

    /** A signed freshness value and how it relates to the sent one. */
    record Value(String transformation, String value) {
    }

    static List<Value> of(String header, String sent, Clock clock) {
        List<Value> out = new ArrayList<>();
        if (!Decimals.isLong(sent)) {
            return out;
        }
        long value = Long.parseLong(sent);
        if (sent.length() >= 13) {
            out.add(new Value("the timestamp in seconds, sent in milliseconds", Long.toString(value / 1000)));
            out.add(new Value("the timestamp in seconds (rounded up), sent in milliseconds",
                    Long.toString((value + 999) / 1000)));
        } else if (sent.length() <= 11) {
            out.add(new Value("the timestamp in milliseconds, sent in seconds", Long.toString(value * 1000)));
        }
        if ("x-timestamp".equals(header) && sent.length() <= 11) {
            around(value, "another timestamp, %+d s from the one sent", out);
        } else if ("x-nonce".equals(header)) {
            around(clock.instant().getEpochSecond(), "a timestamp (%+d s from now) signed, sent as x-nonce", out);
        }
        return out;
    }

    private static void around(long centre, String description, List<Value> out) {
        for (int d = 1; d <= WINDOW_SECONDS; d++) {
            out.add(new Value(String.format(description, -d), Long.toString(centre - d)));
            out.add(new Value(String.format(description, d), Long.toString(centre + d)));
        }
        if (!description.contains("from the one sent")) {
            out.add(0, new Value(String.format(description, 0), Long.toString(centre)));
        }
    }
}
