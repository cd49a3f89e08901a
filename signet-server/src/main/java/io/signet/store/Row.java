package io.signet.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One result row, read by column name; hides {@code java.sql} from the feature stores. */
public final class Row {
    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new StoreException("cannot read column " + column, e);
        }
    }

    public long longValue(String column) {
        try {
            return rs.getLong(column);
        } catch (SQLException e) {
            throw new StoreException("cannot read column " + column, e);
        }
    }

    /** The column as a Long, or null when SQL NULL. */
    public Long nullableLong(String column) {
        try {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        } catch (SQLException e) {
            throw new StoreException("cannot read column " + column, e);
        }
    }

    public int intValue(String column) {
        try {
            return rs.getInt(column);
        } catch (SQLException e) {
            throw new StoreException("cannot read column " + column, e);
        }
    }

    public boolean bool(String column) {
        try {
            return rs.getBoolean(column);
        } catch (SQLException e) {
            throw new StoreException("cannot read column " + column, e);
        }
    }
}
