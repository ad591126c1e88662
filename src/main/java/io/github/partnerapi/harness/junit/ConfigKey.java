package io.github.partnerapi.harness.junit;

import java.util.Locale;

/** The configuration keys, with their system property and environment variable names. */
enum ConfigKey {
    TARGET("partnerapi.target"),
    BASE_URI("partnerapi.base-uri"),
    API_KEY("partnerapi.api-key"),
    API_KEY_FILE("partnerapi.api-key-file"),
    PRIVATE_KEY_FILE("partnerapi.private-key-file"),
    PRIVATE_KEY_PASSWORD("partnerapi.private-key-password"),
    FRESHNESS("partnerapi.freshness"),
    STUB_MODE("partnerapi.stub.mode"),
    STUB_EXPLAIN("partnerapi.stub.explain"),
    CONTRACT("partnerapi.contract"),
    PROXY("partnerapi.proxy");

    private final String property;

    ConfigKey(String property) {
        this.property = property;
    }

    /** The system property and {@code junit-platform.properties} name, e.g. {@code partnerapi.base-uri}. */
    String property() {
        return property;
    }

    /** The environment variable, e.g. {@code PARTNERAPI_BASE_URI}. */
    String environmentVariable() {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether the value is a secret, to be masked wherever it is shown. */
    boolean secret() {
        return this == API_KEY || this == PRIVATE_KEY_PASSWORD;
    }
}
