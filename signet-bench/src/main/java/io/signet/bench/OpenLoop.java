package io.signet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
        double intervalNanos = 1e9 / rps;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long next = 0;
            while (next < total) {
                // Start every request that is due by now, then nap briefly: sleeping once per request
                // cannot keep a sub-millisecond schedule and would silently lower the offered rate.
                long now = System.nanoTime();
                while (next < total && start + (long) (next * intervalNanos) <= now) {
                    long scheduled = start + (long) (next * intervalNanos);
                    long seq = next++;
                    pool.execute(() -> {
                        try {
                            if (call.send(seq) / 100 != 2) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies.add((System.nanoTime() - scheduled) / 1e6);
                    });
                }
                LockSupport.parkNanos(100_000);
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
