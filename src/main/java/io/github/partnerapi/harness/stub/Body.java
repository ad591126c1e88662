package io.github.partnerapi.harness.stub;

/**
 * A request body as read: its bytes, or the 4xx that refused it (too large, cut short, over the budget of
 * bodies being read at once).
 */
record Body(byte[] bytes, long length, StubResponse problem) {

    static final Body EMPTY = new Body(new byte[0], 0, null);

    static Body of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Body(bytes, bytes.length, null);
    }

    static Body refused(long declared, StubResponse problem) {
        return new Body(new byte[0], Math.max(declared, 0), problem);
    }
}
