package io.signet.store;

/**
 * The two SQL dialects Signet speaks. Stores write SQL both accept ({@code ON CONFLICT}, {@code RETURNING},
 * {@code LIMIT}); this enum supplies only what differs.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL");
    }

    /** Classpath location of this dialect's Flyway migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Row lock for claim-style reads. PostgreSQL locks the rows; SQLite has a single writer connection,
     * so the surrounding write transaction already excludes every other writer.
     */
    public String forUpdateSkipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Row lock held until the transaction ends ({@code FOR UPDATE} on PostgreSQL, implicit on SQLite). */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }
}
