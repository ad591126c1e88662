package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.allure.AllureEnvironment;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilterBuilder;
import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.KeyLoadException;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.stub.StubCredentials;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/** Builds (once per run and configuration) the session a test's parameters come from. */
final class Sessions {

    static final Namespace NAMESPACE = Namespace.create(PartnerApiExtension.class);

    private Sessions() {
    }

    static Session of(ExtensionContext context, PartnerApiConfig config) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        return root.getOrComputeIfAbsent(config, c -> {
            Session session = config.remote() ? remote(root, config) : stub(root, config);
            AllureEnvironment.put(java.util.Map.of("partnerapi.target", session.target().kind()
                    + (config.remote() ? "" : " (" + config.stubMode().name().toLowerCase(java.util.Locale.ROOT) + ")"),
                    "partnerapi.base-uri." + session.target().kind(), session.target().baseUri()));
            return session;
        }, Session.class);
    }

    private static Session stub(ExtensionContext.Store root, PartnerApiConfig config) {
        StubCredentials credentials = root.getOrComputeIfAbsent("credentials", k -> StubCredentials.generate(),
                StubCredentials.class);
        String key = "stub:" + config.stubMode() + ":" + config.stubExplain();
        StubResource resource = root.getOrComputeIfAbsent(key,
                k -> new StubResource(credentials, config.stubMode(), config.stubExplain()), StubResource.class);
        PartnerApiSigningFilterBuilder builder = PartnerApiSigningFilter.builder().apiKey(credentials.apiKey())
                .privateKey(credentials.keyPair().getPrivate());
        PartnerApiSigningFilter filter = (config.nonces() ? builder.nonces() : builder).build();
        PartnerApiTarget target = new PartnerApiTarget("stub", resource.stub().baseUri(), credentials.apiKey(),
                freshness(config));
        return new Session(target, filter, resource.stub(), credentials.keyPair().getPublic());
    }

    private static Session remote(ExtensionContext.Store root, PartnerApiConfig config) {
        ApiKey apiKey = apiKey(config);
        PrivateKey privateKey;
        try {
            privateKey = PemKeys.readPrivateKey(Path.of(config.privateKeyFile()),
                    config.privateKeyPassword() == null ? null : config.privateKeyPassword().toCharArray());
        } catch (KeyLoadException e) {
            throw new ExtensionConfigurationException(ConfigKey.PRIVATE_KEY_FILE.property() + "="
                    + config.privateKeyFile() + ": " + e.getMessage());
        }
        PartnerApiSigningFilterBuilder builder = PartnerApiSigningFilter.builder().apiKey(apiKey).privateKey(privateKey);
        PartnerApiSigningFilter filter = (config.nonces() ? builder.nonces() : builder).build();
        PublicKey publicKey = KeyFiles.publicKeyOf(privateKey).orElse(null);
        String baseUri = config.proxy() ? ProxyResource.of(root, config, apiKey, publicKey).baseUri() : config.baseUri();
        PartnerApiTarget target = new PartnerApiTarget("remote", baseUri, apiKey, freshness(config));
        return new Session(target, filter, null, publicKey);
    }

    private static ApiKey apiKey(PartnerApiConfig config) {
        if (config.apiKey() != null) {
            return ApiKey.of(config.apiKey());
        }
        try {
            return ApiKey.fromFile(Path.of(config.apiKeyFile()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(ConfigKey.API_KEY_FILE.property() + "=" + config.apiKeyFile()
                    + ": " + e.getMessage());
        }
    }

    private static String freshness(PartnerApiConfig config) {
        return config.nonces() ? "nonce" : "timestamp";
    }
}
