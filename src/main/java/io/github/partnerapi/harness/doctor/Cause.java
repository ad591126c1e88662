package io.github.partnerapi.harness.doctor;

/**
 * Why a signature did not verify, as a stable code ({@link #code()}) and advice.
 *
 * <pre>{@code
 * if (finding.cause() == Cause.BODY_COMPACTED) { ... }   // finding.cause().code() is "body-compacted"
 * }</pre>
 */
public enum Cause {
    VALID("valid", "The signature verifies: nothing to change."),
    BODY_COMPACTED("body-compacted", "The body was signed as compact JSON but sent pretty-printed. "
            + "Sign the exact bytes you send: send the compact form, or sign the pretty one."),
    BODY_PRETTIFIED("body-prettified", "The body was signed pretty-printed but sent as compact JSON. "
            + "Sign the exact bytes you send: send the pretty form, or sign the compact one."),
    BODY_REINDENTED("body-reindented", "The body was signed with another indentation (spaces versus tabs, "
            + "2 versus 4, or another formatter's layout) than the one sent. Something re-formatted it between "
            + "signing and sending: sign after the last formatting step."),
    BODY_LINE_ENDINGS("body-line-endings", "The body was signed with other line endings (CRLF versus LF) "
            + "than sent. An editor, git or the HTTP tool converted them: sign the bytes after conversion, "
            + "or stop the conversion."),
    BODY_TRAILING_NEWLINE("body-trailing-newline", "The body was signed with a trailing newline that was not "
            + "sent, or the other way round. Files written by editors usually end with one: sign and send the "
            + "same file bytes."),
    BODY_BOM("body-bom", "The body was signed with a UTF-8 byte order mark (EF BB BF) that was not sent, or "
            + "the other way round. Save the file without a BOM, or sign exactly what is sent."),
    BODY_NEWLINES_REMOVED("body-newlines-removed", "The body was sent with its line breaks (CR and LF) removed: "
            + "what curl -d @file and --data @file do to a file. Send the file as it is with --data-binary @file, "
            + "or sign the bytes without line breaks."),
    BODY_UNICODE_ESCAPES("body-unicode-escapes", "Non-ASCII characters were signed as \\uXXXX escapes but "
            + "sent as raw UTF-8, or the other way round. A JSON library re-serialised the body: sign its output."),
    BODY_CHARSET("body-charset", "The body was signed in one character set and sent in another (UTF-8, "
            + "ISO-8859-1, UTF-16). JSON goes on the wire as UTF-8: encode the body as UTF-8, sign those bytes and send "
            + "the same UTF-8 bytes."),
    BODY_KEY_ORDER("body-key-order", "The body was signed with its keys in another order (e.g. sorted) than "
            + "sent. A JSON library re-serialised it after signing: sign the final bytes."),
    BODY_ABSENT("body-absent", "The request was signed with an empty body but sent with one. Sign "
            + "freshness + url + body, with the body bytes exactly as sent."),
    URL_QUERY("url-query", "The query string signed differs from the one sent (a parameter dropped, added or "
            + "re-ordered). Sign the full URL, query included, exactly as it goes on the wire."),
    URL_HOST("url-host", "The scheme, host or port signed differs from the one the request went to. Sign "
            + "the URL of the server you actually call (sandbox, production, local stub)."),
    URL_PATH("url-path", "The path signed differs from the one sent (a trailing slash, only the path, or the "
            + "base path /api/v1/p missing). Sign the full URL: scheme, host, base path, path and query."),
    URL_ENCODING("url-encoding", "The URL was signed with another percent-encoding than sent (%20 versus +, "
            + "upper- versus lower-case hex, raw versus encoded characters). Sign the encoded URL as sent."),
    FRESHNESS_VALUE("freshness-value", "The signature was made with another x-timestamp or x-nonce value than "
            + "the one sent (a second clock read, milliseconds for seconds, or nonce and timestamp mixed up). "
            + "Read the value once and use it for both the header and the signature."),
    SIGNATURE_ENCODING("signature-encoding", "The signature is right but encoded wrongly: x-sign must be "
            + "URL-safe base64 (- and _) without = padding."),
    SIGNATURE_MALFORMED("signature-malformed", "x-sign is not a whole signature: it is empty, has characters "
            + "that are not base64url, or has another length than this key's signatures (a k-bit key's signature is "
            + "k/8 bytes, written as unpadded base64url). It was usually cut short, or joined with other text, when "
            + "copied from a terminal or a log: copy the whole header value."),
    WRONG_KEY("wrong-key", "The signature was made with another private key than the one registered for this "
            + "API key. Sign with the key whose public half was uploaded."),
    UNKNOWN("unknown", "No single known difference explains it: the payload, the key and the signature do "
            + "not match in any way the doctor tries. Compare the string-to-sign byte for byte.");

    private final String code;
    private final String advice;

    Cause(String code, String advice) {
        this.code = code;
        this.advice = advice;
    }

    /** The stable code, e.g. {@code body-compacted}. */
    public String code() {
        return code;
    }

    /** One paragraph: what happened and what to change. */
    public String advice() {
        return advice;
    }

    /** The cause with this code. */
    public static Cause ofCode(String code) {
        for (Cause cause : values()) {
            if (cause.code.equals(code)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("no cause with code '" + code + "'");
    }
}
