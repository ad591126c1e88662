package io.github.partnerapi.harness.restassured;

/**
 * The signing filter refused a request it cannot sign exactly as sent (a multipart or form body, a
 * body of an unknown type, an HTTP client it cannot hook into). The message says what to do instead.
 *
 * <pre>{@code
 * // multipart is refused before anything is sent:
 * assertThatThrownBy(() -> given().filter(filter).multiPart("f", file).post("/upload"))
 *         .isInstanceOf(SigningFilterException.class);
 * }</pre>
 */
public class SigningFilterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningFilterException(String message) {
        super(message);
    }
}
