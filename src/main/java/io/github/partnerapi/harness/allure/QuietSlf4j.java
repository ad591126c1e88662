package io.github.partnerapi.harness.allure;

import java.util.ServiceLoader;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps SLF4J quiet in a test run that has no SLF4J provider. Allure logs through SLF4J, so a test
 * project without logback or slf4j-simple printed {@code SLF4J(W): No SLF4J providers were found}
 * in every build. Registered as a JUnit Platform {@link LauncherSessionListener}, this class is
 * created before Allure's listener and, only when no provider is on the class path and none is set,
 * selects SLF4J's own no-operation provider ({@code slf4j.provider}) with SLF4J's notices limited to
 * warnings ({@code slf4j.internal.verbosity}). A project with a provider is left as it is.
 *
 * <p>Nothing to call: the JUnit Platform finds it in {@code META-INF/services}.
 */
public final class QuietSlf4j implements LauncherSessionListener {

    static final String PROVIDER = "slf4j.provider";
    static final String VERBOSITY = "slf4j.internal.verbosity";
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    static {
        quietWithoutProvider(QuietSlf4j.class.getClassLoader());
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // the work is done once, when the class is loaded, before any test execution listener exists
    }

    /** Selects the no-operation provider when the class path has none; true when it did. */
    static synchronized boolean quietWithoutProvider(ClassLoader loader) {
        if (System.getProperty(PROVIDER) != null || !slf4jPresent(loader) || hasProvider(loader)) {
            return false;
        }
        System.setProperty(PROVIDER, NOP_PROVIDER);
        if (System.getProperty(VERBOSITY) == null) {
            System.setProperty(VERBOSITY, "WARN");
        }
        return true;
    }

    private static boolean slf4jPresent(ClassLoader loader) {
        try {
            Class.forName(NOP_PROVIDER, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean hasProvider(ClassLoader loader) {
        try {
            Class<?> type = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
            return ServiceLoader.load(type, loader).stream().findAny().isPresent();
        } catch (ClassNotFoundException | LinkageError | java.util.ServiceConfigurationError e) {
            return true; // when in doubt, leave SLF4J to its own defaults
        }
    }
}
