package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.signing.ApiKey;
import io.github.partnerapi.harness.stub.VerifyingProxy;
import java.net.URI;
import java.security.PublicKey;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The enforcing {@link VerifyingProxy} in front of a remote target ({@code partnerapi.proxy=true}), one per
 * run and configuration, closed by JUnit when the run's root store closes. A request the strict Partner API
 * would refuse gets the stub's 401 from it, so the test fails with the doctor's finding even when the
 * target (a sandbox) checks only the API key.
 */
final class ProxyResource implements AutoCloseable {

    private final VerifyingProxy proxy;
    private final String basePath;

    private ProxyResource(VerifyingProxy proxy, String basePath) {
        this.proxy = proxy;
        this.basePath = basePath;
    }

    static ProxyResource of(ExtensionContext.Store root, PartnerApiConfig config, ApiKey apiKey, PublicKey publicKey) {
        return root.getOrComputeIfAbsent(java.util.List.of(ProxyResource.class, config), k -> start(config, apiKey, publicKey), ProxyResource.class);
    }

    private static ProxyResource start(PartnerApiConfig config, ApiKey apiKey, PublicKey publicKey) {
        if (publicKey == null) {
            throw new ExtensionConfigurationException(ConfigKey.PROXY.property() + "=true needs the public key, "
                    + "derived from " + ConfigKey.PRIVATE_KEY_FILE.property() + ", which gave none");
        }
        URI base;
        try {
            base = URI.create(config.baseUri());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(ConfigKey.BASE_URI.property() + " is not a URL: " + e.getMessage());
        }
        try {
            VerifyingProxy proxy = VerifyingProxy.builder().upstream(base.getScheme() + "://" + base.getRawAuthority())
                    .apiKey(apiKey.value(), publicKey).enforce(true).build();
            return new ProxyResource(proxy, base.getRawPath() == null ? "" : base.getRawPath());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(ConfigKey.BASE_URI.property() + "=" + config.baseUri()
                    + " cannot be proxied: " + e.getMessage());
        }
    }

    /** The proxy's URI with the remote base URI's path, e.g. {@code http://127.0.0.1:PORT/api/v1/p}. */
    String baseUri() {
        return proxy.rootUri() + basePath;
    }

    @Override
    public void close() {
        proxy.close();
    }
}
