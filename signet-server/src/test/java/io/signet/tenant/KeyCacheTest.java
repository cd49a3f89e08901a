package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyCacheTest {

    @Test
    void an_entry_is_served_until_its_time_to_live_ends() {
        KeyCache cache = new KeyCache();
        cache.put("hash", "tenant-1", 1_000);
        assertThat(cache.get("hash", 1_000 + KeyCache.TTL.toMillis() - 1)).contains("tenant-1");
        assertThat(cache.get("hash", 1_000 + KeyCache.TTL.toMillis())).isEmpty();
        assertThat(cache.get("other", 1_000)).isEmpty();
    }

    @Test
    void the_cache_never_grows_past_its_bound() {
        KeyCache cache = new KeyCache();
        for (int i = 0; i < 25_000; i++) {
            cache.put("hash-" + i, "t", 0);
        }
        assertThat(cache.get("hash-24999", 0)).contains("t");
        assertThat(cache.get("hash-0", 0)).isEmpty();
    }
}
