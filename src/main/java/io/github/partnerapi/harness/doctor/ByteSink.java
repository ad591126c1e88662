package io.github.partnerapi.harness.doctor;

import java.util.Arrays;

/** A growable byte buffer without ByteArrayOutputStream's per-byte locking: the doctor writes megabytes. */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    ByteSink write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
        return this;
    }

    ByteSink write(byte[] b, int from, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(b, from, bytes, size, length);
        size += length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
