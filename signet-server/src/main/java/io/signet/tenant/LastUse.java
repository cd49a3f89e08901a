package io.signet.tenant;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a key's last use is worth writing: at most once per {@link #INTERVAL} per key on each node, so
 * authentication does not add a write to every request. A listed {@code lastUsedAt} is therefore up to a
 * minute old.
 */
final class LastUse {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, Long> recorded = new ConcurrentHashMap<>();

    /** True (once per interval and key) when the use at {@code now} should be written. */
    boolean due(String keyId, long now) {
        if (recorded.size() >= MAX_ENTRIES) {
            recorded.clear();
        }
        long[] due = {0};
        recorded.compute(keyId, (k, last) -> {
            if (last != null && now - last < INTERVAL.toMillis()) {
                return last;
            }
            due[0] = 1;
            return now;
        });
        return due[0] == 1;
    }
}
