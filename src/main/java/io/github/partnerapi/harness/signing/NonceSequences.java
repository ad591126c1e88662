package io.github.partnerapi.harness.signing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One nonce sequence per API key, shared by every thread and every process of this machine: decimal,
 * strictly increasing, the next being {@code max(last + 1, now in ms)}. The server rejects a nonce not
 * greater than the last it accepted, so a request holds a {@link Lease} from signing until its answer:
 * a fair lock orders the threads of this JVM, and an exclusive lock on the key's nonce file
 * ({@code <dir>/<SHA-256 of the API key, 32 hex digits>.nonce}, holding the last nonce, never the key)
 * orders the JVMs (Surefire forks, parallel builds). The folder is {@code partnerapi.nonce.dir}, else
 * {@code PARTNERAPI_NONCE_DIR}, else {@code ~/.partnerapi/nonces}. Processes on other machines cannot
 * share it: use timestamps there.
 *
 * <pre>{@code
 * try (NonceSequences.Lease lease = NonceSequences.forApiKey(apiKey.value()).lease()) {
 *     String nonce = Long.toString(lease.next());
 *     // sign and send, wait for the response
 * }
 * }</pre>
 */
public final class NonceSequences {

    /** System property naming the folder of the nonce files. */
    public static final String DIR_PROPERTY = "partnerapi.nonce.dir";
    /** Environment variable naming the folder of the nonce files. */
    public static final String DIR_ENV = "PARTNERAPI_NONCE_DIR";

    private static final ConcurrentMap<String, NonceSequences> BY_FILE = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Path file;
    private FileChannel channel;
    private long last;

    private NonceSequences(Path file) {
        this.file = file;
    }

    /** The sequence of this API key (the key itself is only hashed, never written). */
    public static NonceSequences forApiKey(String apiKey) {
        return in(directory(), apiKey);
    }

    /** The sequence of this API key with its file in {@code dir}. */
    static NonceSequences in(Path dir, String apiKey) {
        Path file = dir.resolve(fileName(apiKey)).toAbsolutePath();
        return BY_FILE.computeIfAbsent(file.toString(), k -> new NonceSequences(file));
    }

    /** The folder of the nonce files, as configured now. */
    public static Path directory() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(DIR_ENV);
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".partnerapi", "nonces");
        }
        return Path.of(configured);
    }

    /**
     * What a 401 with reason {@code nonce} means for a request this machine numbered: for failure
     * messages.
     */
    public static String rejectedNonceHint() {
        return "the server had already accepted a nonce at least as high for this API key: another process may have "
                + "used the key, on another machine or with its nonces kept elsewhere than " + directory()
                + ". Nonces are ordered among the processes of one machine only; where several machines share a key, "
                + "send timestamps (partnerapi.freshness=timestamp)";
    }

    static String fileName(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + ".nonce";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The file this key's last nonce is kept in. */
    public Path file() {
        return file;
    }

    /**
     * Waits for this key's turn, in this JVM and then among processes, and holds it until the lease
     * is closed; the holder draws its nonces with {@link Lease#next()}.
     *
     * @throws NonceFileException when the nonce file cannot be created or locked
     */
    public Lease lease() {
        lock.lock();
        if (lock.getHoldCount() > 1) {
            return new Lease(null); // this thread already holds the file lock
        }
        try {
            return new Lease(channel().lock());
        } catch (IOException | RuntimeException e) {
            lock.unlock();
            throw new NonceFileException(file, e);
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) { // an interrupted lock() closes the channel
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    private long readLast() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0; // a damaged file: the clock takes over
        }
    }

    private void writeLast(long value) throws IOException {
        byte[] text = (value + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.truncate(text.length);
    }

    /** A turn of one API key: the nonces drawn while it is open are this process's alone. Not thread-safe. */
    public final class Lease implements AutoCloseable {

        private final FileLock fileLock;
        private boolean closed;

        private Lease(FileLock fileLock) {
            this.fileLock = fileLock;
        }

        /** The next nonce: greater than any drawn before on this machine, at least now in milliseconds. */
        public long next() {
            if (closed) {
                throw new IllegalStateException("this nonce lease is closed");
            }
            try {
                long next = Math.max(Math.max(last, readLast()) + 1, System.currentTimeMillis());
                writeLast(next);
                last = next;
                return next;
            } catch (IOException e) {
                throw new NonceFileException(file, e);
            }
        }

        /** Lets the next request of this key go. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (fileLock != null && fileLock.isValid()) {
                    fileLock.release();
                }
            } catch (IOException e) {
                // the lock goes with the channel at the latest; the next lease still waits for it correctly
            } finally {
                lock.unlock();
            }
        }
    }
}
