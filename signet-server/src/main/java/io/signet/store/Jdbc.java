package io.signet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that runs SQL: every statement is prepared, bound and closed here, inside the
 * transaction {@link Database} opened. Not thread-safe; lives for one transaction.
 */
public final class Jdbc {
    private final Connection connection;
    private final Dialect dialect;
    private final StatementCache.Statements cached; // null: prepare and close each statement

    Jdbc(Connection connection, Dialect dialect, StatementCache.Statements cached) {
        this.connection = connection;
        this.dialect = dialect;
        this.cached = cached;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} inside this transaction, in a savepoint: when it throws, its own statements are undone
     * and the rest of the transaction goes on, as if it had been a transaction of its own that failed.
     */
    <T> T inSavepoint(Function<Jdbc, T> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw translate(e);
        }
        T value;
        try {
            value = work.apply(this);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw translate(e);
        }
        return value;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                Row row = new Row(rs);
                while (rs.next()) {
                    out.add(mapper.map(row));
                }
                return out;
            }
        } catch (SQLException e) {
            failed(sql);
            throw translate(e);
        } finally {
            release(ps);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    public long count(String sql, Object... params) {
        return queryOne(sql, r -> r.longValue("n"), params).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            failed(sql);
            throw translate(e);
        } finally {
            release(ps);
        }
    }

    /** Runs one statement for many parameter rows in a single round trip per batch. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(ps, params);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Runs {@code sqlEndingInIn + " (?, ?, ...)"} with {@code first} bound before the list's values: the rows
     * for many keys in one round trip. No values, no query.
     */
    public <T> List<T> queryIn(String sqlEndingInIn, Object first, Collection<?> values,
                               RowMapper<T> mapper) {
        if (values.isEmpty()) {
            return List.of();
        }
        return query(sqlEndingInIn + " (" + placeholders(values.size()) + ")", mapper, inParams(first, values));
    }

    /** Runs {@code sqlEndingInIn + " (?, ?, ...)"} as {@link #queryIn} does, as an update; no values, no statement. */
    public int updateIn(String sqlEndingInIn, Object first, Collection<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return update(sqlEndingInIn + " (" + placeholders(values.size()) + ")", inParams(first, values));
    }

    private static Object[] inParams(Object first, Collection<?> values) {
        Object[] params = new Object[values.size() + 1];
        params[0] = first;
        int i = 1;
        for (Object v : values) {
            params[i++] = v;
        }
        return params;
    }

    /**
     * {@code "?, ?, ?"}: the placeholders of an {@code IN (...)} list of {@code n} values, for a query built
     * piece by piece; a query that ends in the list is simpler with {@link #queryIn}.
     */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code "(?, ?), (?, ?)"}: the {@code VALUES} of a multi-row insert. */
    public static String rows(int rows, int columns) {
        return String.join(", ", Collections.nCopies(rows, "(" + placeholders(columns) + ")"));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = cached != null ? cached.get(sql) : connection.prepareStatement(sql);
        try {
            bind(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            if (cached == null) {
                ps.close();
            }
            throw e;
        }
    }

    /** Closes a statement of this transaction alone; a cached one stays open for the next. */
    private void release(PreparedStatement ps) {
        if (ps != null && cached == null) {
            try {
                ps.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    private void failed(String sql) {
        if (cached != null) {
            cached.discard(sql);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case String s -> ps.setString(i + 1, s);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                case Boolean b -> ps.setBoolean(i + 1, b);
                case Enum<?> en -> ps.setString(i + 1, en.name());
                default -> throw new IllegalArgumentException("unsupported SQL parameter type " + p.getClass());
            }
        }
    }

    static StoreException translate(SQLException e) {
        String state = e.getSQLState();
        boolean unique = "23505".equals(state) // PostgreSQL unique_violation
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE"))
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_PRIMARYKEY"));
        if (unique) {
            return new DuplicateKeyException("unique constraint violated", e);
        }
        if (DatabaseUnavailableException.describes(e)) {
            return new DatabaseUnavailableException("database unavailable (SQLState " + state + ")", e);
        }
        return new StoreException("database error (SQLState " + state + ")", e);
    }
}
