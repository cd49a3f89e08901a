package io.signet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepared statements kept open per SQLite connection, so a statement run again is not parsed again.
 *
 * <p>The SQLite driver compiles SQL on every {@code prepareStatement}, and the pool closes a connection's
 * statements whenever the connection goes back to it: on getUser, compiling was about an eighth of the
 * server's CPU (profiled with async-profiler). PostgreSQL's driver keeps its own per-connection cache, so
 * this is for SQLite only. Statements are prepared on the driver's own connection underneath the pool's
 * wrapper, which the pool does not track, and live as long as that connection; the SQLite pools keep
 * their connections for the life of the process. Each connection is used by one thread at a time, so
 * its statements need no lock.
 */
final class StatementCache {
    private static final Logger log = LoggerFactory.getLogger(StatementCache.class);
    /** Distinct statements kept per connection; the least recently used beyond this are closed. */
    static final int SIZE = 128;

    private final Map<Connection, Statements> byConnection = new ConcurrentHashMap<>();

    /** The statements of the driver connection under {@code pooled}. */
    Statements of(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(org.sqlite.SQLiteConnection.class);
        Statements statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(StatementCache::isClosed); // a connection the pool replaced
            statements = new Statements(physical);
            byConnection.put(physical, statements);
        }
        return statements;
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** One connection's statements, least recently used first. */
    static final class Statements {
        private final Connection connection;
        private final LinkedHashMap<String, PreparedStatement> open = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= SIZE) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        private Statements(Connection connection) {
            this.connection = connection;
        }

        /** The open statement for {@code sql}, prepared now if it is not kept yet. Never close it. */
        PreparedStatement get(String sql) throws SQLException {
            PreparedStatement ps = open.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = connection.prepareStatement(sql);
                open.put(sql, ps);
            }
            return ps;
        }

        /** Drops a statement whose last run failed, so a broken one is never reused. */
        void discard(String sql) {
            PreparedStatement ps = open.remove(sql);
            if (ps != null) {
                closeQuietly(ps);
            }
        }

        private static void closeQuietly(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException e) {
                log.debug("closing a cached statement failed: {}", e.getMessage());
            }
        }
    }
}
