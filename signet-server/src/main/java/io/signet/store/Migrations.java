package io.signet.store;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema's migrations (Flyway) on one database. On PostgreSQL Flyway holds an advisory lock while it
 * migrates, so when several nodes start at once one applies the migrations and the others wait for the
 * lock, then find nothing left to do.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** What start-up does with the schema: migrate it, or refuse to start when it is behind. */
    public enum OnOpen { MIGRATE, REQUIRE_CURRENT, NOTHING }

    /** One migration as {@code ./signet migrate status} prints it. */
    public record Step(String version, String description, String state, Integer millis) {
    }

    private final Flyway flyway;
    private final Flyway migrator;

    /**
     * Reads the schema's state through {@code pooled}; migrates SQLite through it too, but PostgreSQL through a
     * connection of its own without the pool's socket timeout: a migration may rightly run longer than
     * SIGNET_DB_TIMEOUT_MILLIS (an index built over a large table).
     */
    Migrations(DataSource pooled, String jdbcUrl, Dialect dialect) {
        this.flyway = Flyway.configure().dataSource(pooled)
                .locations(dialect.migrationLocation()).failOnMissingLocations(true).load();
        this.migrator = dialect == Dialect.POSTGRESQL
                ? Flyway.configure().dataSource(jdbcUrl, null, null)
                        .locations(dialect.migrationLocation()).failOnMissingLocations(true).load()
                : flyway;
    }

    /** Applies every pending migration, logging each with its duration; returns how many ran. */
    public int migrate() {
        long started = System.nanoTime();
        MigrateResult result = migrator.migrate();
        for (MigrateOutput step : result.migrations) {
            log.info("migration V{} ({}) applied in {} ms", step.version, step.description, step.executionTime);
        }
        if (!result.migrations.isEmpty()) {
            log.info("database schema migrated from V{} to V{}: {} migrations in {} ms",
                    result.initialSchemaVersion == null ? "0" : result.initialSchemaVersion, result.targetSchemaVersion,
                    result.migrations.size(), (System.nanoTime() - started) / 1_000_000);
        } else {
            log.info("database schema is current (V{})", result.initialSchemaVersion);
        }
        return result.migrations.size();
    }

    /** Fails with an operator's message when a migration this version of Signet needs has not been applied. */
    public void requireCurrent() {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            MigrationInfo current = flyway.info().current();
            throw new StoreException("The database schema is at V" + (current == null ? "0" : current.getVersion())
                    + " but this Signet needs V" + pending[pending.length - 1].getVersion() + " (" + pending.length
                    + " pending migrations) and SIGNET_MIGRATE_ON_START is false: run './signet migrate up' "
                    + "once (on one node), then start this node again.", null);
        }
    }

    /** Every known migration, applied or pending, oldest first. */
    public List<Step> status() {
        return Arrays.stream(flyway.info().all())
                .map(m -> new Step(m.getVersion() == null ? "" : m.getVersion().getVersion(), m.getDescription(),
                        m.getState().getDisplayName(), m.getExecutionTime()))
                .toList();
    }

    /** The newest migration this version of Signet ships, e.g. "20". */
    public String latestKnown() {
        MigrationInfo[] all = flyway.info().all();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    /** True when migration {@code version} is recorded as applied: one indexed read, cheap enough for a probe. */
    public static boolean isApplied(Database db, String version) {
        return db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM flyway_schema_history WHERE version = ? "
                + "AND success = ?", version, true)) == 1;
    }

    /** Migrations not yet applied. */
    public int pendingCount() {
        return flyway.info().pending().length;
    }
}
