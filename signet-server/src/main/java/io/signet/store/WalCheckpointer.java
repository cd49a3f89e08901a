package io.signet.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file in the background, off the commit path.
 *
 * <p>Left to itself, SQLite checkpoints inside the commit that crosses 1,000 log pages, and with
 * {@code synchronous=FULL} that commit also waits for the database file's fsync: every queued write
 * stalls behind it (the open-loop enrollment benchmark's p99). The writer connection therefore has
 * automatic checkpoints off, and this thread runs a PASSIVE checkpoint on its own connection every
 * {@value #INTERVAL_MILLIS} ms: it copies what no reader still needs and never blocks readers or the
 * writer. Durability is unchanged: a commit is durable once its log record is synced, checkpoint or not.
 * A last PASSIVE checkpoint runs on close (not a blocking one: a CLI command closing its database must not
 * stall a server writing to the same file); SQLite itself folds the log in when the last connection closes.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    static final long INTERVAL_MILLIS = 1_000;

    private final DataSource connections;
    private Connection connection; // opened once, used only by the checkpoint thread (and close, after it)
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("signet-sqlite-checkpoint").daemon(true).factory());

    WalCheckpointer(DataSource connections) {
        this.connections = connections;
        thread.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Runs one checkpoint; returns the log pages still not copied, or -1 when it could not run. */
    long checkpoint(String mode) {
        try {
            if (connection == null) {
                connection = connections.getConnection();
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                rs.next();
                long logPages = rs.getLong(2);
                long copied = rs.getLong(3);
                return logPages < 0 ? 0 : logPages - copied;
            }
        } catch (SQLException e) {
            log.warn("WAL checkpoint ({}) failed, retried at the next interval: {}", mode, e.getMessage());
            closeConnection(); // a fresh connection next time
            return -1;
        } catch (Throwable e) { // NOPMD: a scheduled task that throws is never run again
            log.error("WAL checkpoint ({}) failed unexpectedly; retried at the next interval", mode, e);
            closeConnection();
            return -1;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the checkpoint connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint("PASSIVE");
        closeConnection();
    }
}
