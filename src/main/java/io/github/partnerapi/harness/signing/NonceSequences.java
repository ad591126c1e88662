package io.github.partnerapi.harness.signing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One nonce sequence per API key in this JVM: decimal, strictly increasing, starting at the current
 * Unix time in milliseconds. Its fair lock lets the requests of one key go out one at a time in
 * nonce order, because the server rejects a nonce not greater than the last it accepted.
 *
 * <pre>{@code
 * NonceSequences nonces = NonceSequences.forApiKey(apiKey.value());
 * nonces.lock().lock();
 * try {
 *     String nonce = Long.toString(nonces.next());
 *     // sign and send, wait for the response
 * } finally {
 *     nonces.lock().unlock();
 * }
 * }</pre>
 */
public final class NonceSequences {

    private static final ConcurrentMap<String, NonceSequences> BY_API_KEY = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock(true);
    private long last = System.currentTimeMillis() - 1;

    private NonceSequences() {
    }

    public static NonceSequences forApiKey(String apiKey) {
        return BY_API_KEY.computeIfAbsent(apiKey, k -> new NonceSequences());
    }

    public ReentrantLock lock() {
        return lock;
    }

    /** The next nonce; call while holding {@link #lock()}. */
    public synchronized long next() {
        last = Math.max(last + 1, System.currentTimeMillis());
        return last;
    }
}
