package io.github.partnerapi.harness.catalogue;

/**
 * A catalogue or a case in it cannot be read; the message names the file and what was expected.
 *
 * <pre>{@code
 * try {
 *     CaseLoader.load(Path.of("my-cases"));
 * } catch (CatalogueException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }
}
