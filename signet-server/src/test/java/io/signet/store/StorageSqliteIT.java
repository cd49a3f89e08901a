package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageSqliteIT extends StorageContract {
    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void a_write_cannot_start_another_write() {
        assertThatThrownBy(() -> db.write(jdbc -> db.write(inner -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pass the Jdbc on");
    }

    @Test
    void closing_keeps_what_committed_and_refuses_later_writes() {
        String file = TestDatabases.fresh(Backend.SQLITE, tempDir);
        Database first = Database.open(file, 2);
        first.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t9', 'nine', 1)"));
        first.close();
        assertThatThrownBy(() -> first.write(jdbc -> 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        try (Database reopened = Database.open(file, 2)) {
            assertThat((long) reopened.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM tenants WHERE tenant_id = 't9'")))
                    .isEqualTo(1);
        }
    }

    @Test
    void cached_statements_hold_no_snapshot_so_the_wal_can_be_checkpointed() throws Exception {
        String file = TestDatabases.fresh(Backend.SQLITE, tempDir);
        try (Database database = Database.open(file, 2)) {
            database.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t', 'x', 1)"));
            for (int i = 0; i < 50; i++) { // every reader connection runs the same statements again and again
                int n = i;
                database.read(jdbc -> jdbc.query("SELECT user_id FROM users WHERE tenant_id = ? AND user_id > ?",
                        r -> r.string("user_id"), "t", "u" + n));
                database.write(jdbc -> jdbc.update(
                        "INSERT INTO users (tenant_id, user_id, created_at, updated_at) VALUES ('t', ?, 1, 1)", "u" + n));
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(file);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("busy: a connection still holds a read snapshot or the write lock").isZero();
            }
            assertThat((long) database.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't'")))
                    .isEqualTo(50);
        }
    }

    @Test
    void committed_writes_reach_the_database_file_in_the_background() throws Exception {
        String url = TestDatabases.fresh(Backend.SQLITE, tempDir);
        java.nio.file.Path file = java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()));
        try (Database database = Database.open(url, 2)) {
            database.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t', 'x', 1)"));
            Thread.sleep(WalCheckpointer.INTERVAL_MILLIS * 2); // let the migrations' pages reach the file
            long before = java.nio.file.Files.size(file);
            String custom = "{\"padding\":\"" + "x".repeat(1000) + "\"}";
            for (int i = 0; i < 400; i++) {
                String id = "wal-" + i;
                database.write(jdbc -> jdbc.update("""
                        INSERT INTO users (tenant_id, user_id, custom, created_at, updated_at)
                        VALUES ('t', ?, ?, 1, 1)""", id, custom));
            }
            // the writer never checkpoints by itself: only the background checkpointer grows the file
            io.signet.testing.Eventually.await(() -> sizeOf(file), size -> size >= before + 300_000,
                    java.time.Duration.ofSeconds(10));
        }
    }

    /**
     * Readers that never stop (each holding a snapshot a while, overlapping the next) keep a PASSIVE checkpoint
     * from ever letting the log start over; the checkpointer's RESTART must, or the log grows with every write.
     * The log's header counts its restarts (the checkpoint sequence number); the threshold is lowered so a few
     * hundred writes cross it.
     */
    @Test
    void the_log_starts_over_although_readers_never_stop() throws Exception {
        String url = TestDatabases.fresh(Backend.SQLITE, tempDir);
        java.nio.file.Path wal = java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()) + "-wal");
        long threshold = WalCheckpointer.restartAbovePages;
        WalCheckpointer.restartAbovePages = 50;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> readers = new java.util.ArrayList<>();
        try (Database database = Database.open(url, 2)) {
            database.write(jdbc -> jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES ('t', 'x', 1)"));
            for (int r = 0; r < 4; r++) { // as many as the reader pool holds, staggered
                readers.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        database.read(jdbc -> {
                            jdbc.count("SELECT COUNT(*) AS n FROM users WHERE tenant_id = 't'");
                            java.util.concurrent.locks.LockSupport.parkNanos(8_000_000); // the snapshot stays held
                            return null;
                        });
                    }
                }));
                Thread.sleep(2);
            }
            String custom = "{\"padding\":\"" + "x".repeat(3000) + "\"}";
            long restartsBefore = restarts(wal);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            for (int i = 0; restarts(wal) == restartsBefore && System.nanoTime() < deadline; i++) {
                String id = "log-" + i;
                database.write(jdbc -> jdbc.update("""
                        INSERT INTO users (tenant_id, user_id, custom, created_at, updated_at)
                        VALUES ('t', ?, ?, 1, 1)""", id, custom));
            }
            assertThat(restarts(wal)).as("the log started over while readers ran").isGreaterThan(restartsBefore);
        } finally {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            WalCheckpointer.restartAbovePages = threshold;
        }
    }

    /** The log header's checkpoint sequence number (big-endian at byte 12): it goes up each time the log starts over. */
    private static long restarts(java.nio.file.Path wal) throws java.io.IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(wal.toFile(), "r")) {
            f.seek(12);
            return Integer.toUnsignedLong(f.readInt());
        }
    }

    private static long sizeOf(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
