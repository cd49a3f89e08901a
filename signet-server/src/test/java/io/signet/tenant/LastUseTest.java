package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LastUseTest {
    @Test
    void a_use_is_written_at_most_once_a_minute_per_key() {
        LastUse lastUse = new LastUse();
        long minute = LastUse.INTERVAL.toMillis();
        assertThat(lastUse.due("k1", 0)).isTrue();
        assertThat(lastUse.due("k1", minute - 1)).isFalse();
        assertThat(lastUse.due("k2", 1)).as("per key").isTrue();
        assertThat(lastUse.due("k1", minute)).isTrue();
        assertThat(lastUse.due("k1", minute + 1)).isFalse();
    }
}
