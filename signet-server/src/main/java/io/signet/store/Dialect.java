package io.signet.store;

import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * The file a {@code jdbc:sqlite:FILE[?options]} URL names, as an absolute path; empty when the URL is
     * not SQLite or names no plain file (in-memory, or a {@code file:} URI).
     */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.contains(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath());
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
