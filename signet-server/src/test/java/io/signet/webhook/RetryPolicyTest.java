package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, 30_000);

    @Test
    void three_retries_by_default_then_none() {
        assertThat(policy.retries(1)).isTrue();
        assertThat(policy.retries(3)).isTrue();
        assertThat(policy.retries(4)).isFalse();
    }

    @Test
    void delays_double_from_the_base_and_jitter_only_adds_up_to_half() {
        RandomGenerator random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delayMillis(1, random)).isBetween(30_000L, 45_000L);
            assertThat(policy.delayMillis(2, random)).isBetween(60_000L, 90_000L);
            assertThat(policy.delayMillis(3, random)).isBetween(120_000L, 180_000L);
        }
        assertThat(policy.maxDelayMillis(3)).isEqualTo(180_000L);
    }

    @Test
    void jitter_spreads_retries_apart() {
        RandomGenerator random = new SplittableRandom(11);
        long distinct = java.util.stream.LongStream.range(0, 50).map(i -> policy.delayMillis(1, random)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }
}
