package io.signet.webhook;

import java.util.random.RandomGenerator;

/**
 * When a failed asynchronous delivery is tried again: {@code maxRetries} retries, the n-th after
 * {@code base * 2^(n-1)} plus up to 50% random jitter, so receivers that failed together are not all
 * retried in the same instant. Jitter only adds: retries are at least {@code base} apart (§9.4: 30 s).
 */
public record RetryPolicy(int maxRetries, long baseMillis) {
    public RetryPolicy {
        if (maxRetries < 0 || baseMillis < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and baseMillis >= 1");
        }
    }

    /** True when a delivery that has now failed {@code failedAttempts} times gets another attempt. */
    boolean retries(int failedAttempts) {
        return failedAttempts <= maxRetries;
    }

    /** Delay before the attempt after the {@code failedAttempts}-th failure (1 for the first). */
    long delayMillis(int failedAttempts, RandomGenerator random) {
        long exponential = baseMillis << Math.min(failedAttempts - 1, 20);
        return exponential + random.nextLong(exponential / 2 + 1);
    }

    /** The longest {@link #delayMillis} can be, for tests that move a clock past it. */
    long maxDelayMillis(int failedAttempts) {
        long exponential = baseMillis << Math.min(failedAttempts - 1, 20);
        return exponential + exponential / 2;
    }
}
