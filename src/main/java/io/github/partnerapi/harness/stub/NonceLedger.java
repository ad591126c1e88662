package io.github.partnerapi.harness.stub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last nonce accepted per API key; one entry per configured key, so its size is bounded. A nonce is any
 * decimal that fits a signed 64-bit integer (up to 19 digits, at most 9223372036854775807), accepted when it
 * is greater than the last one accepted for that key.
 */
final class NonceLedger {

    private static final long NONE = -1;
    private final Map<String, long[]> lastAccepted = new ConcurrentHashMap<>();

    /** Whether {@code nonce} is greater than the last accepted for the key (a cheap check before verifying). */
    boolean isFresh(String apiKey, long nonce) {
        long[] last = lastAccepted.get(apiKey);
        if (last == null) {
            return true;
        }
        synchronized (last) {
            return nonce > last[0];
        }
    }

    /**
     * Records {@code nonce} as accepted if it is still greater than the last one and returns the verdict's
     * sequence number, taken while no other request of the key can be accepted; -1 if another got there first.
     */
    long accept(String apiKey, long nonce, LongSupplier verdictSequence) {
        long[] last = lastAccepted.computeIfAbsent(apiKey, k -> new long[] {Long.MIN_VALUE});
        synchronized (last) {
            if (nonce <= last[0]) {
                return NONE;
            }
            last[0] = nonce;
            return verdictSequence.getAsLong();
        }
    }
}
