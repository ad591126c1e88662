package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.restassured.ContractFilter;
import io.github.partnerapi.harness.restassured.ContractViolation;
import io.github.partnerapi.harness.restassured.OpenApiContract;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.stub.VerifierStub;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit 5 extension behind {@link PartnerApiTest}; register it programmatically to configure it
 * in code. Builder values win over the annotation's attributes, which win over system properties,
 * environment variables and {@code junit-platform.properties}. When a test class has both, the
 * registered instance does the work and the annotation's own instance stands aside.
 *
 * <pre>{@code
 * class SandboxTest {
 *     @RegisterExtension
 *     static PartnerApiExtension partnerApi = PartnerApiExtension.builder()
 *             .target("remote").baseUri("https://sandbox-api.qredo.network/api/v1/p")
 *             .apiKeyFile("apikey").privateKeyFile("private.pem")
 *             .build();
 * }
 * }</pre>
 */
public final class PartnerApiExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, AfterEachCallback, AfterAllCallback {

    private static final List<Class<?>> TYPES = List.of(RequestSpecification.class, PartnerApiSigningFilter.class,
            VerifierStub.class, PartnerApiTarget.class);

    private final Map<ConfigKey, String> programmatic;

    /** The instance {@link PartnerApiTest} registers. */
    PartnerApiExtension() {
        this(null);
    }

    PartnerApiExtension(Map<ConfigKey, String> programmatic) {
        this.programmatic = programmatic == null ? null : Map.copyOf(programmatic);
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    private boolean standsAside(ExtensionContext context) {
        return programmatic == null && Configuration.hasRegisteredInstance(context);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (standsAside(context)) {
            return ConditionEvaluationResult.enabled("configured by the registered PartnerApiExtension");
        }
        PartnerApiConfig config;
        try {
            config = Configuration.of(context, programmatic);
        } catch (ExtensionConfigurationException e) {
            return ConditionEvaluationResult.enabled("bad configuration, reported by each test: " + e.getMessage());
        }
        List<String> missing = config.remote() ? config.missingForRemote() : List.of();
        if (!missing.isEmpty()) {
            return ConditionEvaluationResult.disabled("partnerapi.target=remote, but no credentials: missing "
                    + String.join(", ", missing) + " (set them as system properties, environment variables such as "
                    + "PARTNERAPI_BASE_URI, or in junit-platform.properties)");
        }
        return ConditionEvaluationResult.enabled(config.remote() ? "remote target " + config.baseUri() : "embedded stub");
    }

    /** Reports bad configuration (an unknown value, an unreadable key) as the test's own failure. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!standsAside(context)) {
            Sessions.of(context, Configuration.of(context, programmatic));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType()) && !standsAside(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Session session = Sessions.of(context, Configuration.of(context, programmatic));
        if (type == RequestSpecification.class) {
            return spec(session, context, Configuration.of(context, programmatic).contract());
        }
        if (type == PartnerApiSigningFilter.class) {
            return session.filter();
        }
        if (type == PartnerApiTarget.class) {
            return session.target();
        }
        if (session.stub() == null) {
            throw new ParameterResolutionException("VerifierStub is only available when partnerapi.target is stub; "
                    + "this test's target is remote (" + session.target().baseUri() + ")");
        }
        return session.stub();
    }

    private static RequestSpecification spec(Session session, ExtensionContext context, ContractMode contract) {
        URI base = URI.create(session.target().baseUri());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        ExchangeLog log = context.getStore(Sessions.NAMESPACE).getOrComputeIfAbsent(ExchangeLog.class,
                k -> new ExchangeLog(session.publicKey()), ExchangeLog.class);
        RequestSpecBuilder spec = new RequestSpecBuilder()
                .setBaseUri(base.getScheme() + "://" + base.getRawAuthority())
                .setBasePath(basePath)
                .setContentType(ContentType.JSON)
                .addFilter(log)
                .addFilter(session.filter());
        if (contract != ContractMode.OFF) {
            ContractLog violations = context.getStore(Sessions.NAMESPACE).getOrComputeIfAbsent(ContractLog.class,
                    k -> new ContractLog(), ContractLog.class);
            spec.addFilter(ContractFilter.of(OpenApiContract.partnerApi(), basePath).withListener(violations::record));
        }
        return spec.build();
    }

    /** In {@code fail} mode, fails the test with every contract violation its requests met. */
    @Override
    public void afterEach(ExtensionContext context) {
        failOnContractViolations(context);
    }

    /** The same for requests sent from {@code @BeforeAll} or {@code @AfterAll} methods. */
    @Override
    public void afterAll(ExtensionContext context) {
        failOnContractViolations(context);
    }

    private void failOnContractViolations(ExtensionContext context) {
        ContractLog log = context.getStore(Sessions.NAMESPACE).get(ContractLog.class, ContractLog.class);
        if (log == null || standsAside(context)) {
            return;
        }
        List<ContractViolation> found = log.drain();
        if (!found.isEmpty() && Configuration.of(context, programmatic).contract() == ContractMode.FAIL) {
            throw ContractLog.failure(found);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        ExchangeLog log = context.getStore(Sessions.NAMESPACE).get(ExchangeLog.class, ExchangeLog.class);
        ExchangeLog.Exchange unauthorized = log == null ? null : log.lastUnauthorized();
        if (!(throwable instanceof AssertionError) || unauthorized == null || standsAside(context)) {
            throw throwable;
        }
        throw FailureReport.enrich((AssertionError) throwable, unauthorized);
    }

    /**
     * Configures a programmatically registered {@link PartnerApiExtension}. Each method sets the
     * configuration key of the same name; unset keys resolve as for {@link PartnerApiTest}.
     */
    public static final class Builder {
        private final Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);

        private Builder() {
        }

        /** {@code stub} or {@code remote}. */
        public Builder target(String value) {
            return set(ConfigKey.TARGET, value);
        }

        public Builder baseUri(String value) {
            return set(ConfigKey.BASE_URI, value);
        }

        public Builder apiKey(String value) {
            return set(ConfigKey.API_KEY, value);
        }

        public Builder apiKeyFile(String value) {
            return set(ConfigKey.API_KEY_FILE, value);
        }

        public Builder privateKeyFile(String value) {
            return set(ConfigKey.PRIVATE_KEY_FILE, value);
        }

        public Builder privateKeyPassword(String value) {
            return set(ConfigKey.PRIVATE_KEY_PASSWORD, value);
        }

        /** {@code timestamp} or {@code nonce}. */
        public Builder freshness(String value) {
            return set(ConfigKey.FRESHNESS, value);
        }

        /** {@code strict} or {@code sandbox}. */
        public Builder stubMode(String value) {
            return set(ConfigKey.STUB_MODE, value);
        }

        public Builder stubExplain(boolean value) {
            return set(ConfigKey.STUB_EXPLAIN, Boolean.toString(value));
        }

        /** {@code fail}, {@code report} or {@code off}: what a contract violation does. */
        public Builder contract(String value) {
            return set(ConfigKey.CONTRACT, value);
        }

        /** Route a remote target through a strict {@code VerifyingProxy}: {@code partnerapi.proxy}. */
        public Builder proxy(boolean value) {
            return set(ConfigKey.PROXY, Boolean.toString(value));
        }

        private Builder set(ConfigKey key, String value) {
            values.put(key, value);
            return this;
        }

        public PartnerApiExtension build() {
            return new PartnerApiExtension(values);
        }
    }
}
