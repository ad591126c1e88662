package io.github.partnerapi.harness.cli;

import java.lang.reflect.Proxy;

/**
 * SIGINT and SIGTERM end a long-running command cleanly (exit 0) instead of killing the JVM.
 * {@code sun.misc.Signal} (module jdk.unsupported, kept for this use by JEP 260) is reached by
 * reflection, so that compiling the project does not warn about an internal API; where it is
 * missing, the JVM's default handling stays.
 */
final class Signals {

    private Signals() {
    }

    static void onTermination(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onSignal = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "handle":
                                action.run();
                                return null;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                return "partnerapi-harness termination handler";
                        }
                    });
            for (String name : new String[] {"INT", "TERM"}) {
                handle(signal, handler, name, onSignal);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no sun.misc.Signal on this JVM: the default handling stays
        }
    }

    private static void handle(Class<?> signal, Class<?> handler, String name, Object onSignal)
            throws ReflectiveOperationException {
        try {
            signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name),
                    onSignal);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (!(e.getCause() instanceof IllegalArgumentException)) {
                throw e;
            }
            // this platform has no such signal; the JVM's default handling stays
        }
    }
}
