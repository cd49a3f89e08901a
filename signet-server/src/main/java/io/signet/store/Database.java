package io.signet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connection pools, migrations and transactions for one database.
 *
 * <p>SQLite: one writer connection (SQLite allows one writer at a time; queueing is cheaper and clearer than
 * "database is locked" retries) driven by a {@link GroupCommitWriter}, plus a small read-only pool, WAL
 * journal so readers never block the writer, {@code synchronous=FULL} so a committed write survives power
 * loss, foreign keys on.
 * PostgreSQL: one HikariCP pool for both.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 3;

    private final String jdbcUrl;
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final StatementCache statements = new StatementCache(); // SQLite only
    private GroupCommitWriter groupCommit; // SQLite only, started once migrations have run
    private WalCheckpointer checkpointer; // SQLite only
    /** The transaction {@link #writeAsOne} runs on this thread, which every write and read inside it joins. */
    private final ThreadLocal<Jdbc> joined = new ThreadLocal<>();

    private Database(String jdbcUrl, Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.jdbcUrl = jdbcUrl;
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
    }

    /** The default of SIGNET_DB_TIMEOUT_MILLIS: how long one database call may wait before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Opens pools for {@code jdbcUrl} with the {@link #DEFAULT_TIMEOUT} and runs pending migrations. */
    public static Database open(String jdbcUrl, int poolSize) {
        return open(jdbcUrl, poolSize, DEFAULT_TIMEOUT, Migrations.OnOpen.MIGRATE);
    }

    /** Opens pools for {@code jdbcUrl}; {@code onOpen} says whether to migrate or require a current schema. */
    public static Database open(String jdbcUrl, int poolSize, Migrations.OnOpen onOpen) {
        return open(jdbcUrl, poolSize, DEFAULT_TIMEOUT, onOpen);
    }

    /** As {@link #open(String, int, Duration, Migrations.OnOpen, Object)}, with no pool metrics. */
    public static Database open(String jdbcUrl, int poolSize, Duration timeout, Migrations.OnOpen onOpen) {
        return open(jdbcUrl, poolSize, timeout, onOpen, null);
    }

    /**
     * Opens pools for {@code jdbcUrl}; {@code onOpen} says whether to migrate or require a current schema.
     * {@code timeout} bounds each wait on the database (a free connection, a lock, a connect, an answer on the
     * socket): past it the call fails with {@link DatabaseUnavailableException} instead of holding the request's
     * thread while the database is away. The pools report to {@code meterRegistry} (a Micrometer
     * {@code MeterRegistry}, through HikariCP's own binding: {@code hikaricp_connections_*}); null for none.
     */
    public static Database open(String jdbcUrl, int poolSize, Duration timeout, Migrations.OnOpen onOpen,
                                Object meterRegistry) {
        Dialect dialect = Dialect.of(jdbcUrl);
        Database db = dialect == Dialect.SQLITE ? openSqlite(jdbcUrl, timeout, meterRegistry)
                : openPostgres(jdbcUrl, poolSize, timeout, meterRegistry);
        try {
            switch (onOpen) {
                case MIGRATE -> db.migrations().migrate();
                case REQUIRE_CURRENT -> db.migrations().requireCurrent();
                case NOTHING -> { }
            }
            if (dialect == Dialect.SQLITE) {
                db.groupCommit = new GroupCommitWriter(db.writer, db::jdbc);
                db.checkpointer = new WalCheckpointer(sqlite(jdbcUrl, false, true, timeout));
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Database openSqlite(String jdbcUrl, Duration timeout, Object meterRegistry) {
        createPrivateFile(jdbcUrl);
        HikariDataSource writer = pool("signet-sqlite-writer", sqlite(jdbcUrl, false, false, timeout), 1, false,
                timeout, meterRegistry);
        HikariDataSource reader = pool("signet-sqlite-reader", sqlite(jdbcUrl, true, true, timeout), 4, true,
                timeout, meterRegistry);
        return new Database(jdbcUrl, Dialect.SQLITE, writer, reader);
    }

    private static Database openPostgres(String jdbcUrl, int poolSize, Duration timeout, Object meterRegistry) {
        HikariConfig config = new HikariConfig();
        config.setMetricRegistry(meterRegistry);
        config.setPoolName("signet-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setAutoCommit(true);
        config.setConnectionTimeout(timeout.toMillis());
        config.setValidationTimeout(Math.max(250, timeout.toMillis() / 2));
        // pgjdbc counts these in whole seconds; without them a server that stops answering (a cut network, not
        // a refused connection) would hold each request until the operating system gives up, minutes later.
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        config.addDataSourceProperty("connectTimeout", seconds);
        config.addDataSourceProperty("loginTimeout", seconds);
        config.addDataSourceProperty("socketTimeout", seconds);
        HikariDataSource ds = new HikariDataSource(config);
        return new Database(jdbcUrl, Dialect.POSTGRESQL, ds, ds);
    }

    /** {@code autoCheckpoint}: false on the writer, whose log a {@link WalCheckpointer} copies instead. */
    private static DataSource sqlite(String jdbcUrl, boolean readOnly, boolean autoCheckpoint, Duration timeout) {
        SQLiteConfig config = new SQLiteConfig();
        if (!autoCheckpoint) {
            config.setWalAutocheckpoint(0);
            config.setJournalSizeLimit(64 * 1024 * 1024); // the log file shrinks back to this after a reset
        }
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // The writer takes the write lock at BEGIN (IMMEDIATE), so another process (the CLI) waits on
        // busy_timeout instead of failing a read-to-write lock upgrade halfway through a transaction.
        // Readers must stay DEFERRED: IMMEDIATE would make every read queue behind the write lock.
        config.setTransactionMode(readOnly ? SQLiteConfig.TransactionMode.DEFERRED
                : SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(jdbcUrl);
        return ds;
    }

    private static HikariDataSource pool(String name, DataSource ds, int size, boolean readOnly, Duration timeout,
                                         Object meterRegistry) {
        HikariConfig config = new HikariConfig();
        config.setMetricRegistry(meterRegistry);
        config.setReadOnly(readOnly); // must match the SQLite flag: the driver refuses to change it later
        config.setPoolName(name);
        config.setDataSource(ds);
        config.setMaximumPoolSize(size);
        // Fixed and never retired: a local file connection does not go stale, and each keeps its
        // compiled statements (StatementCache) for as long as it lives.
        config.setMinimumIdle(size);
        config.setMaxLifetime(0);
        config.setIdleTimeout(0);
        config.setConnectionTimeout(timeout.toMillis());
        return new HikariDataSource(config);
    }

    /**
     * Creates the database file, readable and writable by its owner only (0600), before SQLite opens it:
     * SQLite gives the WAL and shared-memory files the database file's permissions, so all three hold the
     * data privately, as the key file does. An existing file is narrowed to 0600 too.
     */
    private static void createPrivateFile(String jdbcUrl) {
        Optional<Path> file = Dialect.sqliteFile(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createDirectories(path.getParent());
            if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            if (!Files.exists(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            createPrivateFile(jdbcUrl);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the database file " + path + " with owner-only permissions", e);
        }
    }

    /** The schema's migrations, run on the writer connection. */
    public Migrations migrations() {
        return new Migrations(writer, jdbcUrl, dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one read-write transaction: all of it commits, or none of it, before this returns.
     * The work may run on another thread, may be run more than once (retries), and must not call
     * {@code write} itself: it gets the transaction's {@link Jdbc} to pass on.
     */
    public <T> T write(Function<Jdbc, T> work) {
        Jdbc outer = joined.get();
        if (outer != null) {
            return outer.inSavepoint(work);
        }
        return groupCommit != null ? groupCommit.write(work) : inTransaction(writer, work);
    }

    /**
     * Runs {@code work} as ONE write transaction, however many {@link #write}s and {@link #read}s it makes on this
     * database: each of them joins the transaction (a write in a savepoint, so one that throws undoes only itself,
     * as its own transaction would have; a read sees the writes before it). All of it commits, or none of it,
     * before this returns. For work whose result must commit with it, such as an idempotent request's answer.
     *
     * <p>Like {@link #write}, the work may run more than once (retries) and, on SQLite, on the writer's thread,
     * holding the writer for as long as it takes: it must never wait for another thread that uses this database.
     */
    public <T> T writeAsOne(Function<Jdbc, T> work) {
        if (joined.get() != null) {
            return work.apply(joined.get());
        }
        return write(jdbc -> {
            joined.set(jdbc);
            try {
                return work.apply(jdbc);
            } finally {
                joined.remove();
            }
        });
    }

    /** Runs {@code work} on a connection that sees the latest committed state and writes nothing. */
    public <T> T read(Function<Jdbc, T> work) {
        Jdbc outer = joined.get();
        if (outer != null) {
            return work.apply(outer); // inside writeAsOne: see its uncommitted writes
        }
        // PostgreSQL at READ COMMITTED gives each statement its own snapshot even inside a transaction, so a
        // read-only BEGIN ... COMMIT would only add a round trip; SQLite's read transaction is one snapshot.
        return inTransaction(reader, work, dialect == Dialect.SQLITE);
    }

    private <T> T inTransaction(DataSource ds, Function<Jdbc, T> work) {
        return inTransaction(ds, work, true);
    }

    private <T> T inTransaction(DataSource ds, Function<Jdbc, T> work, boolean transaction) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(!transaction);
                try {
                    T result = work.apply(jdbc(c));
                    if (transaction) {
                        c.commit();
                    }
                    return result;
                } catch (RuntimeException | Error e) {
                    rollbackQuietly(c);
                    if (attempt < MAX_ATTEMPTS && isTransient(e)) {
                        log.debug("retrying transaction after transient failure (attempt {})", attempt);
                        continue;
                    }
                    throw e;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    if (attempt < MAX_ATTEMPTS && isTransientState(e.getSQLState())) {
                        continue;
                    }
                    throw Jdbc.translate(e);
                }
            } catch (SQLException e) {
                throw Jdbc.translate(e);
            }
        }
    }

    /** A Jdbc on {@code c}; on SQLite with the connection's cached statements. */
    private Jdbc jdbc(Connection c) throws SQLException {
        return new Jdbc(c, dialect, dialect == Dialect.SQLITE ? statements.of(c) : null);
    }

    /** PostgreSQL serialization failures and deadlocks succeed when the whole transaction is retried. */
    private static boolean isTransient(Throwable e) {
        return e instanceof StoreException && e.getCause() instanceof SQLException sql
                && isTransientState(sql.getSQLState());
    }

    private static boolean isTransientState(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c.getAutoCommit()) {
                return; // a PostgreSQL read: nothing to undo
            }
            c.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed: {}", e.getMessage());
        }
    }

    /** Write transactions waiting for the SQLite writer thread; always 0 on PostgreSQL. */
    public int writerQueueLength() {
        GroupCommitWriter writer = groupCommit;
        return writer == null ? 0 : writer.queueLength();
    }

    /**
     * True when the database answers a trivial query. When it does not, the log says why (the failure and
     * its causes: connection refused, pool timeout, SQLState), since the health answer itself says only
     * "unavailable".
     */
    public boolean ping() {
        try {
            return read(jdbc -> jdbc.count("SELECT 1 AS n") == 1);
        } catch (RuntimeException e) {
            log.warn("database ping failed: {}", why(e));
            return false;
        }
    }

    /** The messages of a failure and its causes, one line: what an operator needs, without a stack trace. */
    static String why(Throwable failure) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = failure; t != null && why.length() < 1_000; t = t.getCause() == t ? null : t.getCause()) {
            if (!why.isEmpty()) {
                why.append("; caused by ");
            }
            why.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                why.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return why.toString();
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (checkpointer != null) {
            checkpointer.close(); // after the last write, before the pools close
        }
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }
}
