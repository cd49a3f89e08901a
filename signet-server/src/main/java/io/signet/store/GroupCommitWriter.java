package io.signet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * SQLite's write transactions, run one after another on one thread and committed in groups.
 *
 * <p>SQLite has one writer at a time, and with {@code synchronous=FULL} every commit waits for an fsync
 * (about 0.5 ms on the machines we measured). Committing each request alone capped enrollments at about
 * 1,000/s however many callers waited. Here every caller queues its work; the writer thread takes all the
 * work waiting (up to {@value #MAX_GROUP}), runs each piece inside its own savepoint, and commits them
 * with one fsync. A piece that throws is rolled back to its savepoint alone and its caller gets the
 * exception. No caller is answered before the commit that holds its writes is durable, so a 2xx still
 * means the write survives a crash.
 *
 * <p>When the transaction itself fails (the commit, or a rollback to a savepoint), the group's pieces
 * are run again, each in a transaction of its own, so one piece's failure never becomes another's.
 * Work must therefore be safe to run again, as it already must be for PostgreSQL's retried transactions.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** Enough to amortise an fsync many times over; small enough that one group stays a short transaction. */
    static final int MAX_GROUP = 64;

    private final DataSource connections;
    private final Transactions transactions;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private static final Job<Void> STOP = new Job<>(jdbc -> null, null);
    private boolean closed; // guarded by this

    /** How the writer makes the {@link Jdbc} of a transaction on one of its connections. */
    @FunctionalInterface
    interface Transactions {
        Jdbc on(Connection c) throws SQLException;
    }

    GroupCommitWriter(DataSource connections, Transactions transactions) {
        this.connections = connections;
        this.transactions = transactions;
        this.thread = Thread.ofPlatform().name("signet-sqlite-writer").daemon(true).start(this::loop);
    }

    /** Runs {@code work} in a write transaction and returns once that transaction has committed. */
    <T> T write(Function<Jdbc, T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write transaction cannot start another one: pass the Jdbc on instead");
        }
        Job<T> job = new Job<>(work, MDC.getCopyOfContextMap());
        synchronized (this) { // orders every job before close()'s STOP, so each one is answered
            if (closed) {
                throw new StoreException("the database is closed", null);
            }
            queue.add(job);
        }
        return job.await();
    }

    /** Jobs waiting for the writer thread (those of the group it is running are no longer counted). */
    int queueLength() {
        return queue.size();
    }

    private void loop() {
        List<Job<?>> group = new ArrayList<>(MAX_GROUP);
        boolean stop = false;
        boolean interrupted = false;
        while (!stop) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() ends the writer, after the work queued before it: callers wait on it. The
                // interrupt is remembered and the flag set again when the thread ends.
                interrupted = true;
                continue;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            stop = group.remove(STOP);
            try {
                if (!group.isEmpty() && !runTogether(group)) {
                    for (Job<?> job : group) {
                        runTogether(List.of(job));
                    }
                }
            } catch (RuntimeException | Error e) { // keep the writer alive; nobody may wait forever
                log.error("write group failed unexpectedly", e);
                group.forEach(job -> job.result.completeExceptionally(e));
            }
            group.clear();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the jobs in one transaction and answers them after its commit. Returns false, having answered
     * none, when the transaction failed as a whole and a group of several should be retried one by one.
     */
    private boolean runTogether(List<Job<?>> group) {
        List<Runnable> answers = new ArrayList<>(group.size());
        Connection broken = null;
        try (Connection c = connections.getConnection()) {
            try {
                c.setAutoCommit(false); // BEGIN IMMEDIATE; when it fails, nothing has run
                Jdbc jdbc = transactions.on(c);
                for (Job<?> job : group) {
                    answers.add(runInSavepoint(c, jdbc, job));
                }
                // COMMIT alone. Connection.commit() in sqlite-jdbc also begins the next transaction and throws
                // when that BEGIN fails (a full disk, a read-only file, a lock held too long): a committed group
                // would be answered as failed, and run again.
                c.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                // After a failed BEGIN, statement or COMMIT the driver's idea of the transaction may be wrong (it
                // may think one is open when none is, and let the next group's statements commit one by one):
                // the connection is replaced by a fresh one rather than trusted again, once it is back in the
                // pool (evicted while still borrowed, Hikari closed it under the proxy and the proxy's own close
                // then failed with a NullPointerException, which failed the whole group as a 500).
                broken = c;
                if (group.size() > 1) {
                    log.debug("group of {} writes failed as a whole; running them one by one", group.size());
                    return false;
                }
                group.getFirst().result.completeExceptionally(e instanceof SQLException sql ? Jdbc.translate(sql) : e);
                return true;
            }
        } catch (SQLException e) {
            if (group.size() > 1) {
                return false;
            }
            group.getFirst().result.completeExceptionally(Jdbc.translate(e));
            return true;
        } finally {
            if (broken != null) {
                discard(broken);
            }
        }
        answers.forEach(Runnable::run);
        return true;
    }

    private void discard(Connection c) {
        if (connections instanceof com.zaxxer.hikari.HikariDataSource pool) {
            pool.evictConnection(c);
        }
    }

    /** Runs one job; its failure rolls back its own writes only. Returns how to answer it after the commit. */
    private static <T> Runnable runInSavepoint(Connection c, Jdbc jdbc, Job<T> job) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (job.context != null) {
            MDC.setContextMap(job.context);
        }
        try {
            T value = job.work.apply(jdbc);
            c.releaseSavepoint(savepoint);
            return () -> job.result.complete(value);
        } catch (RuntimeException | Error e) {
            c.rollback(savepoint); // throws when the transaction is gone: the caller then retries the group
            c.releaseSavepoint(savepoint);
            return () -> job.result.completeExceptionally(e);
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c.getAutoCommit()) {
                return; // the commit went through, or no transaction began
            }
            c.rollback();
        } catch (SQLException e) {
            // Usual after a failed BEGIN or COMMIT (a full disk, a read-only file): SQLite has already rolled
            // back and the driver has not noticed. The caller's failure is logged once where it is answered.
            log.debug("rollback failed: {}", e.getMessage());
        }
    }

    /** Lets the work queued so far commit, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job<T>(Function<Jdbc, T> work, Map<String, String> context, CompletableFuture<T> result) {
        Job(Function<Jdbc, T> work, Map<String, String> context) {
            this(work, context, new CompletableFuture<>());
        }

        T await() {
            try {
                return result.get();
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new StoreException("write failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for a write to commit", e);
            }
        }
    }
}
