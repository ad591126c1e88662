package io.github.partnerapi.harness.stub;

import java.util.Map;

/**
 * One request as the {@link VerifierStub} saw and judged it, as listed at {@code GET /__stub/requests}.
 *
 * <pre>{@code
 * JournalEntry last = stub.requests().get(stub.requests().size() - 1);
 * assertThat(last.reason()).isEqualTo("signature");
 * }</pre>
 *
 * @param method the HTTP method
 * @param url the URL the signature was verified against (bytes that are not UTF-8 shown as U+FFFD)
 * @param headers the request headers, names in lower case, {@code x-api-key} masked
 * @param body the body as UTF-8 text, cut at its first 4 KiB ({@code bodyLength} has its full size)
 * @param bodyLength the body's size in bytes as received (or as announced, for a body refused unread)
 * @param status the status answered
 * @param verdict {@code accepted} or {@code rejected}
 * @param reason the {@code detail.reason} of an error answer, or null
 */
public record JournalEntry(String method, String url, Map<String, String> headers, String body, long bodyLength,
        int status, String verdict, String reason) {

    /** Whether {@link #body()} holds only the first part of the body. */
    public boolean bodyTruncated() {
        return bodyLength > RequestJournal.BODY_TEXT_LIMIT;
    }
}
