package io.signet.challenge;

import io.signet.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Base of the challenge suites: one {@link ChallengeHarness} per test class on the subclass's backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChallengeSuite {
    @TempDir
    static Path tempDir;
    ChallengeHarness h;

    abstract Backend backend();

    /** Extra settings for this suite's server. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        h = new ChallengeHarness(backend(), tempDir, settings());
    }

    @AfterAll
    void stop() {
        h.close();
    }

    /** Runs the tasks on their own threads, all released by one barrier; returns their results. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
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
}
