package io.github.partnerapi.harness.restassured;

import io.restassured.specification.FilterableRequestSpecification;

/** Multipart and form parameters are encoded after filters run, so they cannot be signed as sent. */
final class FormBodies {

    private FormBodies() {
    }

    static void refuse(FilterableRequestSpecification req) {
        if (!req.getMultiPartParams().isEmpty()) {
            throw new SigningFilterException("multipart requests cannot be signed byte-exactly: REST Assured "
                    + "builds the parts (and a random boundary) after filters run; send the body as bytes instead");
        }
        boolean bodyMethod = !"GET".equalsIgnoreCase(req.getMethod());
        if (bodyMethod && (!req.getFormParams().isEmpty() || !req.getRequestParams().isEmpty())) {
            throw new SigningFilterException("form parameters cannot be signed byte-exactly: REST Assured encodes "
                    + "them after filters run; send body(\"a=1&b=2\") with contentType(\"application/x-www-form-urlencoded\")");
        }
    }
}
