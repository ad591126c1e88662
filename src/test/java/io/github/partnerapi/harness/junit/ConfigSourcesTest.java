package io.github.partnerapi.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ConfigSourcesTest {

    private static PartnerApiConfig resolve(Map<ConfigKey, String> annotation, Map<String, String> system,
            Map<String, String> env, Map<String, String> params) {
        return PartnerApiConfig.resolve(new ConfigSources(annotation, system::get, env::get,
                k -> Optional.ofNullable(params.get(k))));
    }

    @Test
    void annotationThenSystemPropertyThenEnvironmentThenPlatformPropertiesThenDefault() {
        Map<String, String> params = Map.of("partnerapi.base-uri", "https://params", "partnerapi.freshness", "nonce",
                "partnerapi.stub.mode", "sandbox", "partnerapi.stub.explain", "true");
        Map<String, String> env = Map.of("PARTNERAPI_BASE_URI", "https://env", "PARTNERAPI_FRESHNESS", "timestamp",
                "PARTNERAPI_STUB_MODE", "strict");
        Map<String, String> system = Map.of("partnerapi.base-uri", "https://system", "partnerapi.freshness", "nonce");
        Map<ConfigKey, String> annotation = Map.of(ConfigKey.BASE_URI, "https://annotation");

        PartnerApiConfig all = resolve(annotation, system, env, params);
        assertThat(all.baseUri()).isEqualTo("https://annotation");
        assertThat(all.nonces()).isTrue();                       // system property beats environment
        assertThat(all.stubMode().name()).isEqualTo("STRICT");   // environment beats platform properties
        assertThat(all.stubExplain()).isTrue();                  // platform properties beat the default

        assertThat(resolve(Map.of(), system, env, params).baseUri()).isEqualTo("https://system");
        assertThat(resolve(Map.of(), Map.of(), env, params).baseUri()).isEqualTo("https://env");
        assertThat(resolve(Map.of(), Map.of(), Map.of(), params).baseUri()).isEqualTo("https://params");
        PartnerApiConfig defaults = resolve(Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(defaults.remote()).isFalse();
        assertThat(defaults.nonces()).isFalse();
        assertThat(defaults.stubExplain()).isFalse();
    }

    @Test
    void environmentVariableNames() {
        assertThat(ConfigKey.BASE_URI.environmentVariable()).isEqualTo("PARTNERAPI_BASE_URI");
        assertThat(ConfigKey.STUB_EXPLAIN.environmentVariable()).isEqualTo("PARTNERAPI_STUB_EXPLAIN");
        assertThat(ConfigKey.PRIVATE_KEY_PASSWORD.environmentVariable()).isEqualTo("PARTNERAPI_PRIVATE_KEY_PASSWORD");
    }

    @Test
    void badValuesNameTheKeyTheValueAndItsSource() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("PARTNERAPI_TARGET", "moon"), Map.of()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("partnerapi.target").hasMessageContaining("'moon'")
                .hasMessageContaining("environment variable PARTNERAPI_TARGET");
    }

    @Test
    void remoteNamesWhatIsMissingAndNeverShowsSecrets() {
        PartnerApiConfig remote = resolve(Map.of(ConfigKey.TARGET, "remote", ConfigKey.API_KEY, "c2VjcmV0LWtleS0xMjM="),
                Map.of(), Map.of(), Map.of());
        assertThat(remote.missingForRemote()).containsExactly("partnerapi.base-uri", "partnerapi.private-key-file");
        assertThat(remote.toString()).contains("c2Vj… (20 chars)").doesNotContain("c2VjcmV0");
    }
}
