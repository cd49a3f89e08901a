package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Backend;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradePostgresIT extends UpgradeContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    /**
     * Three nodes starting at once: Flyway's advisory lock lets one node apply a migration while the others wait.
     * Flyway takes the lock for each migration in turn, so the nodes may share the work (one applies three, another
     * the fourth); what must hold is that every pending migration ran exactly once in all.
     */
    @Test
    void nodes_starting_together_apply_each_migration_once() throws Exception {
        Callable<Integer> node = () -> {
            try (Database db = Database.open(url, 2, Migrations.OnOpen.NOTHING)) {
                return db.migrations().migrate();
            }
        };
        int pending;
        try (Database db = Database.open(url, 2, Migrations.OnOpen.NOTHING)) {
            pending = db.migrations().pendingCount();
        }
        assertThat(pending).as("the test starts from a schema with migrations pending").isPositive();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = threads.invokeAll(List.of(node, node, node));
            int applied = 0;
            for (Future<Integer> run : runs) {
                applied += run.get();
            }
            try (Database db = Database.open(url, 2, Migrations.OnOpen.NOTHING)) {
                assertThat(db.migrations().pendingCount()).isZero();
                long versions = db.read(jdbc -> jdbc.count("SELECT COUNT(DISTINCT version) AS n FROM "
                        + "flyway_schema_history WHERE version IS NOT NULL"));
                long rows = db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL"));
                assertThat(rows).as("no migration recorded twice").isEqualTo(versions);
                assertThat(applied).as("the pending ones were applied once in all").isEqualTo(pending);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
