package io.github.partnerapi.harness.stub;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The last nonce accepted per API key; one entry per configured key, so its size is bounded. */
final class NonceLedger {

    private final ConcurrentMap<String, AtomicLong> lastAccepted = new ConcurrentHashMap<>();

    /** Whether {@code nonce} is greater than the last accepted for the key (a cheap check before verifying). */
    boolean isFresh(String apiKey, long nonce) {
        AtomicLong last = lastAccepted.get(apiKey);
        return last == null || nonce > last.get();
    }

    /** Records {@code nonce} as accepted if it is still greater than the last one; false if another got there first. */
    boolean accept(String apiKey, long nonce) {
        AtomicLong last = lastAccepted.computeIfAbsent(apiKey, k -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long current = last.get();
            if (nonce <= current) {
                return false;
            }
            if (last.compareAndSet(current, nonce)) {
                return true;
            }
        }
    }
}
