package io.signet.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteException;

/**
 * The database cannot serve the request now, though the request itself is fine: the connection was lost, none
 * came free within SIGNET_DB_TIMEOUT_MILLIS, the disk is full, the file is read-only or locked. The HTTP
 * layer answers 503 so the caller retries later; nothing was committed.
 */
public final class DatabaseUnavailableException extends StoreException {
    // SQLite primary result codes (sqlite.org/rescode.html) that say "not now", not "bad statement"
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_NOMEM = 7;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    DatabaseUnavailableException(String message, SQLException cause) {
        super(message, cause);
    }

    /** True when {@code e} is an outage (connection, resources, disk, lock) rather than a fault of the request. */
    static boolean describes(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xff;
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_NOMEM
                    || primary == SQLITE_READONLY || primary == SQLITE_IOERR || primary == SQLITE_FULL
                    || primary == SQLITE_CANTOPEN;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources: disk full, out of memory, too many connections
                || state.startsWith("57P") // server shutting down or not accepting connections yet
                || state.equals("57014") // statement cancelled by a timeout
                || state.equals("25006")); // read-only transaction: a standby or a read-only server
    }
}
