package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per table for one tenant, read straight from the database with the schema's own list of tables, so a
 * table added later is counted without changing the test.
 */
final class TenantTables {
    private TenantTables() {
    }

    /** Rows with {@code tenant_id = tenantId} in every table; fails when a table has no tenant_id column. */
    static Map<String, Long> rowsOf(String databaseUrl, String tenantId) {
        try (Connection c = DriverManager.getConnection(databaseUrl)) {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables(c)) {
                assertThat(columns(c, table)).as("every table of the schema is scoped by tenant_id: " + table)
                        .contains("tenant_id");
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?")) {
                    ps.setString(1, tenantId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
            }
            assertThat(rows).as("the schema has tables").containsKeys("tenants", "users", "tenant_keys");
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        boolean sqlite = c.getMetaData().getURL().startsWith("jdbc:sqlite:");
        String sql = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE'";
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!t.equals("flyway_schema_history")) {
                    tables.add(t);
                }
            }
        }
        return tables;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }
}
