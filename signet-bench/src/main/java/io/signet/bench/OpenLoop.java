package io.signet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-rate (open-loop) load: requests are started on a schedule whatever the server's speed, and each
 * latency is measured from its scheduled start, so a stall is not hidden by fewer requests being sent
 * (coordinated omission). wrk is closed-loop, hence this for the "p99 at half the rate" targets.
 */
final class OpenLoop {
    record Result(double targetRps, double achievedRps, double p50Ms, double p99Ms, long failures) {
    }

    interface Call {
        int send(long sequence) throws Exception;
    }

    static Result run(double rps, int seconds, Call call) throws InterruptedException {
        long total = (long) (rps * seconds);
        long intervalNanos = (long) (1e9 / rps);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long seq = i;
                pool.execute(() -> {
                    try {
                        int status = call.send(seq);
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - scheduled) / 1e6);
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(rps, sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99), failures.get());
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
