package io.github.partnerapi.harness.restassured;

import io.restassured.config.EncoderConfig;
import io.restassured.specification.FilterableRequestSpecification;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.Locale;

/** Turns the body REST Assured hands a filter into the exact bytes it would send. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body bytes, or null when the request has no body. */
    static byte[] bytes(FilterableRequestSpecification req) {
        Object body = req.getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof byte[]) {
            return (byte[]) body;
        }
        if (body instanceof String) {
            return ((String) body).getBytes(charset(req));
        }
        if (body instanceof File) {
            return readFile((File) body);
        }
        if (body instanceof InputStream) {
            return readStream((InputStream) body);
        }
        throw new SigningFilterException("cannot sign a request body of type " + body.getClass().getName()
                + "; expected a String, byte[], File or InputStream (REST Assured serialises objects to String)");
    }

    /** The charset REST Assured encodes a String body with: the content type's, else its configured default. */
    static Charset charset(FilterableRequestSpecification req) {
        String contentType = req.getContentType();
        String declared = declaredCharset(contentType);
        if (declared != null) {
            try {
                return Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new SigningFilterException("Content-Type '" + contentType + "' names charset '" + declared
                        + "', which this JVM does not know; expected a charset such as UTF-8");
            }
        }
        EncoderConfig encoder = req.getConfig().getEncoderConfig();
        return Charset.forName(encoder.defaultCharsetForContentType(contentType == null ? "" : contentType));
    }

    static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String trimmed = part.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return trimmed.substring("charset=".length()).replace("\"", "").trim();
            }
        }
        return null;
    }

    private static byte[] readFile(File file) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the request body file to sign it", e);
        }
    }

    private static byte[] readStream(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body stream to sign it", e);
        }
    }
}
