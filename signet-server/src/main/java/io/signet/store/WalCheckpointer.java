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
 *
 * <p>A PASSIVE checkpoint never resets the log: the log file starts over only when a writer finds it wholly
 * copied and no reader still on it, and under steady load some reader always is. The log then grows without
 * end (2.6 GB in one benchmark scenario), and every read gets slower, since SQLite searches the log's index
 * for each page before the database file. So when the log holds more than {@value #RESTART_ABOVE_PAGES}
 * pages, this thread runs a RESTART checkpoint instead: it waits at most {@value #RESTART_WAIT_MILLIS} ms for
 * the readers still on the log (new writers wait meanwhile, readers do not), after which the next write starts
 * the log from the beginning and {@code journal_size_limit} shrinks the file. Busy, it is tried again next time.
 * The wait is short because every write waits with it: at 200 ms the open-loop enrollment's p99 went from 35
 * to 335 ms in ./signet bench, while Signet's reads last a few milliseconds, so 20 ms sees them out.
 * A last PASSIVE checkpoint runs on close (not a blocking one: a CLI command closing its database must not
 * stall a server writing to the same file); SQLite itself folds the log in when the last connection closes.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    static final long INTERVAL_MILLIS = 1_000;
    static final long RESTART_ABOVE_PAGES = 16_384; // 64 MiB of 4 KiB pages, journal_size_limit
    static final int RESTART_WAIT_MILLIS = 20;
    /** {@link #RESTART_ABOVE_PAGES}, lowered by the storage tests to see a restart without writing 64 MiB. */
    static volatile long restartAbovePages = RESTART_ABOVE_PAGES;

    private final DataSource connections;
    private Connection connection; // opened once, used only by the checkpoint thread (and close, after it)
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("signet-sqlite-checkpoint").daemon(true).factory());

    WalCheckpointer(DataSource connections) {
        this.connections = connections;
        thread.scheduleWithFixedDelay(this::copyAndBoundTheLog, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void copyAndBoundTheLog() {
        if (checkpoint("PASSIVE") > restartAbovePages) {
            checkpoint("RESTART");
        }
    }

    /** Runs one checkpoint; returns the pages in the log (copied or not), or -1 when it could not run. */
    long checkpoint(String mode) {
        try {
            if (connection == null) {
                connection = connections.getConnection();
                try (Statement s = connection.createStatement()) {
                    // only RESTART waits, and it must not hold new writers back for long
                    s.execute("PRAGMA busy_timeout = " + RESTART_WAIT_MILLIS);
                }
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                rs.next();
                return Math.max(0, rs.getLong(2));
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
