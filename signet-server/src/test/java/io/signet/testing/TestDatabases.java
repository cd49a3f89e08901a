package io.signet.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh databases for tests: a new SQLite file in a temporary directory, or a new database on the
 * PostgreSQL server at 127.0.0.1:5432 (trust auth, user postgres; CI passes the URL in
 * {@code SIGNET_TEST_POSTGRES_URL}). PostgreSQL is never skipped: a test that needs it fails when it
 * is unreachable.
 */
public final class TestDatabases {
    private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {
    }

    public static String fresh(Backend backend, Path tempDir) {
        return switch (backend) {
            case SQLITE -> "jdbc:sqlite:" + tempDir.resolve("signet-" + UUID.randomUUID() + ".db");
            case POSTGRESQL -> freshPostgres();
        };
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String freshPostgres() {
        String adminUrl = adminUrl();
        String name = "signet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for this test and is not reachable at "
                    + adminUrl + ": " + e.getMessage(), e);
        }
        return replaceDatabase(adminUrl, name);
    }

    /** Drops a database {@link #fresh} created on PostgreSQL, so test runs do not pile them up. */
    public static void dropIfPostgres(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1).split("\\?")[0];
        if (!name.startsWith("signet_t_")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort: a leftover test database is harmless
        }
    }

    private static String adminUrl() {
        String fromCi = System.getenv("SIGNET_TEST_POSTGRES_URL");
        return fromCi == null || fromCi.isBlank() ? DEFAULT_ADMIN_URL : fromCi;
    }

    private static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
    }
}
