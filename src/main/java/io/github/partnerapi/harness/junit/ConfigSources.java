package io.github.partnerapi.harness.junit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration values come from, in precedence order: annotation (and the programmatic
 * builder), system property, environment variable, {@code junit-platform.properties}, default.
 */
record ConfigSources(Map<ConfigKey, String> annotation, Function<String, String> systemProperties,
        Function<String, String> environment, Function<String, Optional<String>> platformParameters) {

    /** The value and where it came from, or empty. */
    record Value(String value, String source) {
    }

    Optional<Value> lookup(ConfigKey key) {
        String fromAnnotation = annotation.get(key);
        if (present(fromAnnotation)) {
            return Optional.of(new Value(fromAnnotation.strip(), "the annotation"));
        }
        String fromSystem = systemProperties.apply(key.property());
        if (present(fromSystem)) {
            return Optional.of(new Value(fromSystem.strip(), "system property " + key.property()));
        }
        String fromEnvironment = environment.apply(key.environmentVariable());
        if (present(fromEnvironment)) {
            return Optional.of(new Value(fromEnvironment.strip(), "environment variable " + key.environmentVariable()));
        }
        return platformParameters.apply(key.property()).filter(ConfigSources::present)
                .map(v -> new Value(v.strip(), "configuration parameter " + key.property()));
    }

    static Map<ConfigKey, String> empty() {
        return new EnumMap<>(ConfigKey.class);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
