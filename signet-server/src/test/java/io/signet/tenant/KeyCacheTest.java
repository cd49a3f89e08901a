package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyCacheTest {
    private static final KeyCache.CachedKey KEY = new KeyCache.CachedKey("tenant-1", "key-1");

    @Test
    void an_entry_is_served_until_its_time_to_live_ends() {
        KeyCache cache = new KeyCache();
        cache.put("hash", KEY, null, 1_000);
        assertThat(cache.get("hash", 1_000 + KeyCache.TTL.toMillis() - 1)).contains(KEY);
        assertThat(cache.get("hash", 1_000 + KeyCache.TTL.toMillis())).isEmpty();
        assertThat(cache.get("other", 1_000)).isEmpty();
    }

    @Test
    void an_entry_never_outlives_the_expiry_of_its_key() {
        KeyCache cache = new KeyCache();
        cache.put("hash", KEY, 3_000L, 1_000);
        assertThat(cache.get("hash", 2_999)).contains(KEY);
        assertThat(cache.get("hash", 3_000)).isEmpty();
    }

    @Test
    void forgetting_a_key_or_a_tenant_drops_its_entries_at_once() {
        KeyCache cache = new KeyCache();
        cache.put("a", KEY, null, 0);
        cache.put("b", new KeyCache.CachedKey("tenant-1", "key-2"), null, 0);
        cache.put("c", new KeyCache.CachedKey("tenant-2", "key-3"), null, 0);
        cache.forgetKey("key-1");
        assertThat(cache.get("a", 0)).isEmpty();
        assertThat(cache.get("b", 0)).isPresent();
        cache.forgetTenant("tenant-1");
        assertThat(cache.get("b", 0)).isEmpty();
        assertThat(cache.get("c", 0)).isPresent();
    }

    @Test
    void the_cache_never_grows_past_its_bound() {
        KeyCache cache = new KeyCache();
        for (int i = 0; i < 25_000; i++) {
            cache.put("hash-" + i, KEY, null, 0);
        }
        assertThat(cache.get("hash-24999", 0)).contains(KEY);
        assertThat(cache.get("hash-0", 0)).isEmpty();
    }
}
