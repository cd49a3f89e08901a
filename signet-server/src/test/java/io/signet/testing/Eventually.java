package io.signet.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A bounded wait for what a background worker does, for the few tests that must observe one: checks the
 * condition until it holds, failing the test with the last value after {@code within}.
 */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + within + "; last value: " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            last = probe.get();
        }
        return last;
    }
}
