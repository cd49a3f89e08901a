package io.signet.tenant;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently authenticated key hashes, so a busy client does not cost a database read per request.
 * An entry lives {@link #TTL} at most, and never past the key's own expiry: a key revoked on this node stops
 * at once (the entry is dropped), and on any other node sharing the database within {@code TTL}.
 * Only keys that authenticated are cached (random wrong keys cannot fill memory), and the map is
 * bounded: it is simply emptied when full.
 */
final class KeyCache {
    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    /** The key a hash belongs to, as authentication uses it. */
    record CachedKey(String tenantId, String keyId) {
    }

    private record Entry(CachedKey key, long validUntil) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<CachedKey> get(String keyHash, long now) {
        Entry e = entries.get(keyHash);
        if (e == null || e.validUntil() <= now) {
            return Optional.empty();
        }
        return Optional.of(e.key());
    }

    /** Caches a key; {@code expiresAt} (null for none) caps the entry's life. */
    void put(String keyHash, CachedKey key, Long expiresAt, long now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        long until = now + TTL.toMillis();
        entries.put(keyHash, new Entry(key, expiresAt == null ? until : Math.min(until, expiresAt)));
    }

    void forgetKey(String keyId) {
        entries.values().removeIf(e -> e.key().keyId().equals(keyId));
    }

    void forgetTenant(String tenantId) {
        entries.values().removeIf(e -> e.key().tenantId().equals(tenantId));
    }
}
