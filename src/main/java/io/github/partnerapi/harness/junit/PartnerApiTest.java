package io.github.partnerapi.harness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed Partner API requests with zero set-up: test methods may declare a
 * {@code RequestSpecification} (base URI, JSON, signing filter, contract checks against the OpenAPI
 * description: see {@link #contract()}), the {@code PartnerApiSigningFilter},
 * the {@code VerifierStub} (stub target only) and a {@link PartnerApiTarget}.
 *
 * <pre>{@code
 * @PartnerApiTest
 * class CompanyTest {
 *     @Test
 *     void createsACompany(RequestSpecification api) {
 *         given(api).body(Map.of("name", "ACME")).post("/company").then().statusCode(200);
 *     }
 * }
 * }</pre>
 *
 * <p>Every attribute left empty falls back to the system property, then the environment variable,
 * then {@code junit-platform.properties}, then the default (see the README's configuration table).
 * An attribute on a method overrides the one on its class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PartnerApiExtension.class)
public @interface PartnerApiTest {

    /** {@code stub} (default) or {@code remote}: {@code partnerapi.target}. */
    String target() default "";

    /** The Partner API base URI of a remote target, e.g. {@code https://sandbox-api.qredo.network/api/v1/p}. */
    String baseUri() default "";

    /** The API key of a remote target (prefer {@link #apiKeyFile()} or the environment). */
    String apiKey() default "";

    /** A file holding the API key of a remote target. */
    String apiKeyFile() default "";

    /** The PEM private key of a remote target. */
    String privateKeyFile() default "";

    /** {@code timestamp} (default) or {@code nonce}. */
    String freshness() default "";

    /** The embedded stub's mode: {@code strict} (default) or {@code sandbox}. */
    String stubMode() default "";

    /** {@code true} to have the embedded stub explain signature failures. */
    String stubExplain() default "";

    /**
     * Contract checks of every exchange against the OpenAPI description: {@code fail} (default: a
     * violation fails the test), {@code report} (Allure attachments only) or {@code off}.
     */
    String contract() default "";

    /**
     * {@code true} to send a {@code remote} target's requests through a {@link
     * io.github.partnerapi.harness.stub.VerifyingProxy} that refuses (401) any request the strict Partner API
     * would refuse, even where the target (a sandbox) checks only the API key.
     */
    String proxy() default "";
}
