package io.signet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases for a run: a temporary SQLite file, or a new database on the local PostgreSQL. */
final class Backends {
    private static final String PG_ADMIN = System.getenv().getOrDefault("SIGNET_BENCH_POSTGRES_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private Backends() {
    }

    static String freshUrl(String backend, String runId) throws IOException, SQLException {
        if (backend.equals("sqlite")) {
            Path dir = Files.createTempDirectory("signet-bench-");
            return "jdbc:sqlite:" + dir.resolve("bench.db");
        }
        String name = "signet_bench_" + runId;
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /**
     * Gives PostgreSQL the table statistics a default deployment has. Autovacuum analyses freshly loaded
     * tables within a minute; on a cluster where it is off (as on our CI machines) the planner has no
     * statistics and estimates a tenant's rows as a handful, so it scans the whole tenant for a 100-user
     * batch lookup (measured: 27-74 ms per lookup instead of 1 ms). Returns what it did, for the report.
     */
    static String analyzeIfAutovacuumIsOff(String backend, String url) throws SQLException {
        if (!backend.equals("postgres")) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SHOW autovacuum");
            rs.next();
            if (rs.getString(1).equals("on")) {
                return null;
            }
            s.execute("ANALYZE");
            return "autovacuum is off on this cluster: ran ANALYZE after loading, as autovacuum would have";
        }
    }

    static void drop(String backend, String runId) {
        if (!backend.equals("postgres")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS signet_bench_" + runId + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("bench: could not drop database signet_bench_" + runId + ": " + e.getMessage());
        }
    }
}
