package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.allure.AllureAttachments;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.SignedRequest;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what one test signed and what came back, for failure messages. Registered before the
 * signing filter with the same order, so it wraps it and sees its {@code ctx} value.
 */
final class ExchangeLog implements OrderedFilter {

    /** One signed request and its answer. */
    record Exchange(SignedRequest signed, int status, String responseBody, Finding finding) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();
    private final PublicKey publicKey;

    ExchangeLog(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
        Response response = ctx.next(req, res);
        SignedRequest signed = ctx.getValue(PartnerApiSigningFilter.SIGNED_REQUEST);
        if (signed != null) {
            String body = response.asString();
            Finding finding = response.statusCode() == 401 && publicKey != null
                    ? SignatureDoctor.builder(publicKey).build().diagnose(new SentRequest(signed.freshnessHeader(),
                            signed.freshness(), signed.url(), signed.body(), signed.xSign()))
                    : null;
            synchronized (exchanges) {
                exchanges.add(new Exchange(signed, response.statusCode(), body.length() > 4000
                        ? body.substring(0, 4000) + "…" : body, finding));
            }
            AllureAttachments.signedRequest(signed, response.statusCode(), body, finding);
        }
        return response;
    }

    /** The last exchange answered 401, if any. */
    Exchange lastUnauthorized() {
        synchronized (exchanges) {
            for (int i = exchanges.size() - 1; i >= 0; i--) {
                if (exchanges.get(i).status() == 401) {
                    return exchanges.get(i);
                }
            }
            return null;
        }
    }
}
