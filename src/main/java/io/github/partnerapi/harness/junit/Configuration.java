package io.github.partnerapi.harness.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** Resolves a context's configuration once and keeps it in the context's store. */
final class Configuration {

    private Configuration() {
    }

    static PartnerApiConfig of(ExtensionContext context, Map<ConfigKey, String> programmatic) {
        return context.getStore(Sessions.NAMESPACE).getOrComputeIfAbsent(PartnerApiConfig.class,
                k -> PartnerApiConfig.resolve(new ConfigSources(attributes(context, programmatic), System::getProperty,
                        System::getenv, context::getConfigurationParameter)), PartnerApiConfig.class);
    }

    /** Builder values, then the nearest annotation's non-empty attributes (method, class, enclosing classes). */
    static Map<ConfigKey, String> attributes(ExtensionContext context, Map<ConfigKey, String> programmatic) {
        Map<ConfigKey, String> merged = new EnumMap<>(ConfigKey.class);
        if (programmatic != null) {
            merged.putAll(programmatic);
        }
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            Optional<PartnerApiTest> annotation = element.flatMap(e -> AnnotationSupport.findAnnotation(e, PartnerApiTest.class));
            annotation.ifPresent(a -> fill(merged, a));
        }
        return merged;
    }

    private static void fill(Map<ConfigKey, String> merged, PartnerApiTest a) {
        put(merged, ConfigKey.TARGET, a.target());
        put(merged, ConfigKey.BASE_URI, a.baseUri());
        put(merged, ConfigKey.API_KEY, a.apiKey());
        put(merged, ConfigKey.API_KEY_FILE, a.apiKeyFile());
        put(merged, ConfigKey.PRIVATE_KEY_FILE, a.privateKeyFile());
        put(merged, ConfigKey.FRESHNESS, a.freshness());
        put(merged, ConfigKey.STUB_MODE, a.stubMode());
        put(merged, ConfigKey.STUB_EXPLAIN, a.stubExplain());
        put(merged, ConfigKey.CONTRACT, a.contract());
        put(merged, ConfigKey.PROXY, a.proxy());
    }

    private static void put(Map<ConfigKey, String> merged, ConfigKey key, String value) {
        if (!value.isBlank()) {
            merged.putIfAbsent(key, value);
        }
    }

    /** Whether the test class or an enclosing class registers a PartnerApiExtension field. */
    static boolean hasRegisteredInstance(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            c.get().getTestClass().ifPresent(classes::add);
        }
        for (Class<?> type : classes) {
            for (Field field : AnnotationSupport.findAnnotatedFields(type, RegisterExtension.class,
                    f -> PartnerApiExtension.class.isAssignableFrom(f.getType()), HierarchyTraversalMode.TOP_DOWN)) {
                return field != null;
            }
        }
        return false;
    }
}
