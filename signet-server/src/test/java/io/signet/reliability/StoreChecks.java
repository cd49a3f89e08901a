package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the database itself while no server runs (after a SIGKILL): SQLite's own consistency checks, and
 * nothing half-written: no authenticator without the recovery codes its enrollment wrote with it, and no more
 * idempotency claims left unanswered by a crash than requests were in flight.
 */
final class StoreChecks {
    private StoreChecks() {
    }

    /**
     * Checks the database and returns how many idempotency claims are unanswered; at most {@code maxNewClaims}
     * more than {@code claimsBefore} (a claim whose request died is taken over only after two minutes).
     */
    static int intact(String databaseUrl, int claimsBefore, int maxNewClaims) {
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement()) {
            if (databaseUrl.startsWith("jdbc:sqlite:")) {
                assertThat(column(s, "PRAGMA integrity_check")).as("PRAGMA integrity_check").containsExactly("ok");
                assertThat(column(s, "PRAGMA foreign_key_check")).as("PRAGMA foreign_key_check").isEmpty();
            }
            assertThat(column(s, """
                    SELECT a.user_id FROM authenticators a
                     WHERE NOT EXISTS (SELECT 1 FROM recovery_codes r
                                        WHERE r.tenant_id = a.tenant_id AND r.user_id = a.user_id)"""))
                    .as("authenticators whose enrollment lost its recovery codes").isEmpty();
            int claims = column(s, "SELECT idempotency_key FROM idempotency_records WHERE status_code IS NULL").size();
            assertThat(claims - claimsBefore).as("idempotency claims left without an answer by one crash")
                    .isLessThanOrEqualTo(maxNewClaims);
            return claims;
        } catch (SQLException e) {
            throw new AssertionError("cannot inspect " + databaseUrl + ": " + e, e);
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
