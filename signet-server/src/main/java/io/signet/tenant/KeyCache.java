package io.signet.tenant;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently authenticated key hashes, so a busy client does not cost a database read per request.
 * Entries live {@link #TTL}: a key revoked on any node stops working everywhere within that time.
 * Only keys that authenticated are cached (random wrong keys cannot fill memory), and the map is
 * bounded: it is simply emptied when full.
 */
final class KeyCache {
    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String tenantId, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<String> get(String keyHash, long now) {
        Entry e = entries.get(keyHash);
        if (e == null || e.expiresAt() <= now) {
            return Optional.empty();
        }
        return Optional.of(e.tenantId());
    }

    void put(String keyHash, String tenantId, long now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(tenantId, now + TTL.toMillis()));
    }
}
