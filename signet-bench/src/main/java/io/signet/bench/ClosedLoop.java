package io.signet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * A closed loop for scenarios wrk cannot drive (each iteration needs a fresh signature or code): one virtual
 * thread and one HTTP/1.1 client per worker, each repeating its iteration back to back; only iterations
 * started after the warm-up are measured.
 */
final class ClosedLoop {
    /** The page the simulated browsers run on. */
    static final String ORIGIN = "http://localhost:3000";

    private ClosedLoop() {
    }

    record Result(double ceremoniesPerSecond, double p50Ms, double p99Ms, long failures) {
    }

    /**
     * Runs {@code iteration} (true when it succeeded) for every worker until the measured time is over and at least
     * as many iterations as there are workers were measured: on a starved machine one iteration can outlast the
     * whole window, and a result of nothing measured would say nothing about the scenario.
     */
    static <W> Result run(List<W> workers, BiPredicate<W, HttpClient> iteration, int warmupSeconds, int seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        AtomicLong lastDone = new AtomicLong(end);
        int minimumMeasured = workers.size();
        List<Thread> threads = new ArrayList<>();
        for (W worker : workers) {
            threads.add(Thread.ofVirtual().start(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long now;
                while ((now = System.nanoTime()) < end || latencies.size() < minimumMeasured) {
                    boolean ok = iteration.test(worker, client);
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        latencies.add((done - now) / 1e6);
                        lastDone.accumulateAndGet(done, Math::max);
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        double measuredSeconds = (lastDone.get() - measureFrom) / 1e9;
        return new Result((sorted.size() - failures.get()) / measuredSeconds, p50, p99, failures.get());
    }

    /** POSTs JSON as the bench page's browser would (its Origin), with the given Authorization. */
    static HttpResponse<String> post(HttpClient client, String url, String authorization, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Origin", ORIGIN).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
