package io.github.partnerapi.harness.junit;

import io.github.partnerapi.harness.stub.StubMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The extension's configuration, resolved once from its sources into an immutable value. */
record PartnerApiConfig(boolean remote, String baseUri, String apiKey, String apiKeyFile, String privateKeyFile,
        String privateKeyPassword, boolean nonces, StubMode stubMode, boolean stubExplain, ContractMode contract,
        boolean proxy) {

    static PartnerApiConfig resolve(ConfigSources sources) {
        Map<ConfigKey, ConfigSources.Value> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            sources.lookup(key).ifPresent(v -> values.put(key, v));
        }
        boolean remote = choice(values, ConfigKey.TARGET, "stub", "stub", "remote").equals("remote");
        boolean nonces = choice(values, ConfigKey.FRESHNESS, "timestamp", "timestamp", "nonce").equals("nonce");
        StubMode mode = StubMode.parse(choice(values, ConfigKey.STUB_MODE, "strict", "strict", "sandbox"));
        boolean explain = choice(values, ConfigKey.STUB_EXPLAIN, "false", "true", "false").equals("true");
        ContractMode contract = ContractMode.valueOf(choice(values, ConfigKey.CONTRACT, "fail", "fail", "report", "off")
                .toUpperCase(Locale.ROOT));
        boolean proxy = choice(values, ConfigKey.PROXY, "false", "true", "false").equals("true");
        return new PartnerApiConfig(remote, value(values, ConfigKey.BASE_URI), value(values, ConfigKey.API_KEY),
                value(values, ConfigKey.API_KEY_FILE), value(values, ConfigKey.PRIVATE_KEY_FILE),
                value(values, ConfigKey.PRIVATE_KEY_PASSWORD), nonces, mode, explain, contract, proxy);
    }

    /** What a remote target lacks, by configuration key; empty when it has all it needs. */
    List<String> missingForRemote() {
        List<String> missing = new ArrayList<>();
        if (baseUri == null) {
            missing.add(ConfigKey.BASE_URI.property());
        }
        if (apiKey == null && apiKeyFile == null) {
            missing.add(ConfigKey.API_KEY.property() + " (or " + ConfigKey.API_KEY_FILE.property() + ")");
        }
        if (privateKeyFile == null) {
            missing.add(ConfigKey.PRIVATE_KEY_FILE.property());
        }
        return missing;
    }

    private static String value(Map<ConfigKey, ConfigSources.Value> values, ConfigKey key) {
        return Optional.ofNullable(values.get(key)).map(ConfigSources.Value::value).orElse(null);
    }

    private static String choice(Map<ConfigKey, ConfigSources.Value> values, ConfigKey key, String fallback,
            String... allowed) {
        ConfigSources.Value value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String normalised = value.value().toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(normalised)) {
                return option;
            }
        }
        throw new ExtensionConfigurationException(key.property() + " must be one of " + String.join(", ",
                java.util.Set.of(allowed).stream().sorted().toList()) + ", got '" + value.value() + "' (from "
                + value.source() + ")");
    }

    @Override
    public String toString() {
        return "PartnerApiConfig[target=" + (remote ? "remote" : "stub") + ", baseUri=" + baseUri
                + ", apiKey=" + (apiKey == null ? null : io.github.partnerapi.harness.signing.ApiKey.mask(apiKey))
                + ", apiKeyFile=" + apiKeyFile + ", privateKeyFile=" + privateKeyFile
                + ", freshness=" + (nonces ? "nonce" : "timestamp") + ", stubMode=" + stubMode
                + ", stubExplain=" + stubExplain + ", contract=" + contract.name().toLowerCase(Locale.ROOT)
                + ", proxy=" + proxy + "]";
    }
}
