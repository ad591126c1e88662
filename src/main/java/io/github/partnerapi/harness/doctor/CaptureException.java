package io.github.partnerapi.harness.doctor;

/** A capture that cannot be read: the message names the capture, where, and what was expected. */
public final class CaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaptureException(String message) {
        super(message);
    }
}
