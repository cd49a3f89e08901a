package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.Encryptor;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.store.Database;
import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import io.signet.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-key check leaks no timing about how close a wrong key is, shown by construction rather than
 * with a stopwatch: a timed test is flaky on a loaded 2-core
 * machine. The only comparisons a presented key goes through are the database index and the key cache,
 * and both compare the keyed HMAC of the presented key, never the key: a near miss (the key with only its last character replaced)
 * yields a lookup value no closer to the stored one than a random key does, so how long the comparison
 * runs says nothing about the key.
 */
class SecretKeyCheckTimingTest {
    private static final String PURPOSE = "tenant-secret-key";
    private static final int SAMPLES = 500;

    @TempDir
    Path tempDir;

    @Test
    void the_key_is_looked_up_by_its_keyed_hash_and_a_near_miss_is_no_closer_than_a_far_miss() {
        byte[] key = RandomTokens.bytes(32);
        SecretHasher hasher = new SecretHasher(key);
        try (Database db = Database.open(TestDatabases.fresh(Backend.SQLITE, tempDir), 2)) {
            TenantService tenants = new TenantService(new JdbcTenantStore(db), hasher, new Encryptor(key),
                    new ManualClock(Instant.parse("2030-01-01T00:00:00Z")));
            String secret = tenants.create("timing", Optional.empty()).secretKey();
            assertThat(tenants.tenantIdForSecretKey(secret)).isPresent();

            // what the database holds and compares is the keyed hash, never the key
            List<String> stored = db.read(jdbc -> jdbc.query("SELECT key_hash FROM tenant_keys",
                    row -> row.string("key_hash")));
            String storedHash = hasher.hash(PURPOSE, secret);
            assertThat(stored).containsExactly(storedHash).noneMatch(h -> h.contains(secret));
            // presenting the stored hash itself does not pass: the presented key is always hashed first
            assertThat(tenants.tenantIdForSecretKey(storedHash)).isEmpty();

            double near = 0;
            double far = 0;
            for (int i = 0; i < SAMPLES; i++) {
                String nearMiss = secret.substring(0, secret.length() - 1) + "_" + i;
                String farMiss = "sk_" + RandomTokens.base64Url(24);
                assertThat(tenants.tenantIdForSecretKey(nearMiss)).isEmpty();
                assertThat(tenants.tenantIdForSecretKey(farMiss)).isEmpty();
                near += commonPrefix(storedHash, hasher.hash(PURPOSE, nearMiss));
                far += commonPrefix(storedHash, hasher.hash(PURPOSE, farMiss));
            }
            // random hex strings share 1/15 of a leading character on average: bounds far above that never
            // fail by chance, yet a comparison of the key itself would share ~all of it for the near misses
            assertThat(near / SAMPLES).isLessThan(0.5);
            assertThat(far / SAMPLES).isLessThan(0.5);
        }
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
