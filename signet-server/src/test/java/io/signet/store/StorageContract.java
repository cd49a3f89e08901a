package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store relies on from {@link Database}, proved on both dialects: migrations apply,
 * transactions are all-or-nothing, unique violations are typed, user rows cascade, and concurrent
 * writers neither fail nor lose updates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorageContract {
    @TempDir
    static Path tempDir;
    Database db;
    String url;

    abstract Backend backend();

    @BeforeAll
    void open() {
        url = TestDatabases.fresh(backend(), tempDir);
        db = Database.open(url, 8);
        db.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t1', 'one', 1)"));
    }

    @AfterAll
    void close() {
        db.close();
        TestDatabases.dropIfPostgres(url);
    }

    @Test
    void migrations_create_the_schema_and_the_dialect_matches_the_url() {
        assertThat(db.dialect().name()).isEqualTo(backend() == Backend.SQLITE ? "SQLITE" : "POSTGRESQL");
        assertThat((long) db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users"))).isGreaterThanOrEqualTo(0);
        assertThat(db.ping()).isTrue();
    }

    @Test
    void a_failing_transaction_writes_nothing() {
        assertThatThrownBy(() -> db.write(jdbc -> {
            jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', 'rolled-back', 1, 1)");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(count("rolled-back")).isZero();
    }

    @Test
    void a_duplicate_primary_key_is_a_DuplicateKeyException() {
        db.write(jdbc -> jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', 'dup', 1, 1)"));
        assertThatThrownBy(() -> db.write(jdbc -> jdbc.update(
                "INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', 'dup', 1, 1)")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void deleting_a_tenant_cascades_to_its_users_and_foreign_keys_are_enforced() {
        db.write(jdbc -> {
            jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t-gone', 'gone', 1)");
            return jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t-gone', 'u', 1, 1)");
        });
        db.write(jdbc -> jdbc.update("DELETE FROM tenants WHERE tenant_id = 't-gone'"));
        assertThat((long) db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't-gone'"))).isZero();
        assertThatThrownBy(() -> db.write(jdbc -> jdbc.update(
                "INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('no-such-tenant', 'u', 1, 1)")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void booleans_nulls_and_longs_round_trip() {
        db.write(jdbc -> jdbc.update("""
                INSERT INTO users (tenant_id, user_id, email_verified, phone_number, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)""", "t1", "types", true, null, 1_700_000_000_123L, 1L));
        var row = db.read(jdbc -> jdbc.queryOne("""
                SELECT email_verified, phone_number, created_at FROM users WHERE tenant_id = 't1' AND user_id = 'types'""",
                r -> List.of(r.bool("email_verified"), String.valueOf(r.string("phone_number")), r.longValue("created_at"))))
                .orElseThrow();
        assertThat(row).containsExactly(true, "null", 1_700_000_000_123L);
    }

    @Test
    void forty_concurrent_writers_all_commit() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 40; i++) {
                String id = "concurrent-" + i;
                results.add(pool.submit(() -> db.write(jdbc -> jdbc.update(
                        "INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', ?, 1, 1)", id))));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(1);
            }
        }
        assertThat((long) db.read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't1' AND user_id LIKE 'concurrent-%'"))).isEqualTo(40);
    }

    @Test
    void concurrent_failing_writes_undo_only_themselves() throws Exception {
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 60; i++) {
                String id = "mixed-" + i;
                boolean fails = i % 3 == 0;
                results.add(pool.submit(() -> db.write(jdbc -> {
                    jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', ?, 1, 1)", id);
                    if (fails) {
                        throw new IllegalArgumentException("refused " + id);
                    }
                    return 1;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                Future<?> f = results.get(i);
                if (i % 3 == 0) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(IllegalArgumentException.class)
                            .hasRootCauseMessage("refused mixed-" + i);
                } else {
                    assertThat(f.get()).isEqualTo(1);
                }
            }
        }
        assertThat((long) db.read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't1' AND user_id LIKE 'mixed-%'"))).isEqualTo(40);
        assertThat(count("mixed-0")).isZero();
        assertThat(count("mixed-1")).isEqualTo(1);
    }

    @Test
    void a_constraint_violation_fails_only_its_own_write() throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 30; i++) {
                String tenant = i % 2 == 0 ? "t1" : "no-such-tenant";
                String id = "fk-" + i;
                results.add(pool.submit(() -> db.write(jdbc -> jdbc.update(
                        "INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES (?, ?, 1, 1)", tenant, id))));
            }
            for (int i = 0; i < results.size(); i++) {
                if (i % 2 == 0) {
                    assertThat(results.get(i).get()).isEqualTo(1);
                } else {
                    assertThatThrownBy(results.get(i)::get).hasCauseInstanceOf(StoreException.class);
                }
            }
        }
        assertThat((long) db.read(jdbc -> jdbc.count(
                "SELECT COUNT(*) AS n FROM users WHERE user_id LIKE 'fk-%'"))).isEqualTo(15);
    }

    @Test
    void a_read_sees_what_a_committed_write_wrote() {
        db.write(jdbc -> jdbc.update("INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t1', 'visible', 1, 1)"));
        assertThat(count("visible")).isEqualTo(1);
    }

    private long count(String userId) {
        return db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't1' AND user_id = ?", userId));
    }
}
