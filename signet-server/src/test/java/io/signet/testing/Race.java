package io.signet.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Races for the concurrency tests. Each task runs on its own thread and starts only when every thread has
 * reached one barrier, so all of them are in flight together; a latch counted down by the test thread would
 * let threads that start late run alone.
 */
public final class Race {
    private Race() {
    }

    /** Runs the tasks released by one barrier; their results in the tasks' order. */
    public static <T> List<T> fromBarrier(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier go = new CyclicBarrier(tasks.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** {@code n} copies of one task, released by one barrier. */
    public static <T> List<T> fromBarrier(int n, Callable<T> task) throws Exception {
        return fromBarrier(Collections.nCopies(n, task));
    }
}
