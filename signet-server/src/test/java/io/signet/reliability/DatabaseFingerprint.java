package io.signet.reliability;

import io.signet.crypto.Sha256;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A digest of everything a SQLite database holds, but for the bookkeeping a refused request may legitimately
 * touch (the recorded answer of an Idempotency-Key, a key's last use, failure and send counters, the audit
 * trail): equal digests before and after a refused request mean it changed nothing.
 */
final class DatabaseFingerprint implements AutoCloseable {
    private static final Set<String> BOOKKEEPING = Set.of("idempotency_records", "tenant_keys", "failure_counters",
            "send_counters", "audit_events", "flyway_schema_history");

    private final Connection connection;
    private final List<String> tables = new ArrayList<>();

    DatabaseFingerprint(String sqliteUrl) throws SQLException {
        connection = DriverManager.getConnection(sqliteUrl);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                if (!BOOKKEEPING.contains(rs.getString(1)) && !rs.getString(1).startsWith("sqlite_")) {
                    tables.add(rs.getString(1));
                }
            }
        }
    }

    /**
     * One digest per table, in table order; a mismatch's message then names the tables that changed (the string
     * form of the map is what the assertions compare).
     */
    Map<String, String> digest() throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(rs.getString(c)).append('\u0001');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            digests.put(table, HexFormat.of().formatHex(Sha256.of(String.join("\u0002", rows))));
        }
        return digests;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
