package io.signet.console;

import io.signet.store.Database;
import io.signet.store.Row;
import io.signet.tenant.TenantService;
import java.util.Optional;

/** {@link ConsoleStore} on SQLite or PostgreSQL; every row belongs to the operator realm. */
public final class JdbcConsoleStore implements ConsoleStore {
    private static final String REALM = TenantService.OPERATOR_REALM;

    private final Database db;

    public JdbcConsoleStore(Database db) {
        this.db = db;
    }

    @Override
    public void insertLink(String linkHash, String userId, long createdAt, long expiresAt) {
        db.write(jdbc -> jdbc.update("""
                INSERT INTO console_enrollment_links (tenant_id, link_hash, user_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""", REALM, linkHash, userId, createdAt, expiresAt));
    }

    @Override
    public Optional<String> redeemLink(String linkHash, long now) {
        return db.write(jdbc -> {
            // One conditional UPDATE: of two concurrent redemptions, exactly one changes the row.
            int used = jdbc.update("""
                    UPDATE console_enrollment_links SET used_at = ?
                     WHERE tenant_id = ? AND link_hash = ? AND used_at IS NULL AND expires_at > ?""",
                    now, REALM, linkHash, now);
            return used == 0 ? Optional.<String>empty() : jdbc.queryOne("""
                    SELECT user_id FROM console_enrollment_links WHERE tenant_id = ? AND link_hash = ?""",
                    row -> row.string("user_id"), REALM, linkHash);
        });
    }

    @Override
    public void insertSession(SessionRow s) {
        db.write(jdbc -> jdbc.update("""
                INSERT INTO console_sessions (tenant_id, session_hash, user_id, email, sign_in_ref, created_at,
                                              last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", REALM, s.sessionHash(), s.userId(), s.email(), s.signInRef(),
                s.createdAt(), s.lastSeenAt()));
    }

    @Override
    public Optional<SessionRow> findSession(String sessionHash) {
        return db.read(jdbc -> jdbc.queryOne("""
                SELECT session_hash, user_id, email, sign_in_ref, created_at, last_seen_at, ended_at
                  FROM console_sessions WHERE tenant_id = ? AND session_hash = ?""",
                JdbcConsoleStore::session, REALM, sessionHash));
    }

    private static SessionRow session(Row row) {
        return new SessionRow(row.string("session_hash"), row.string("user_id"), row.string("email"),
                row.string("sign_in_ref"), row.longValue("created_at"), row.longValue("last_seen_at"),
                row.nullableLong("ended_at"));
    }

    @Override
    public void touch(String sessionHash, long now) {
        db.write(jdbc -> jdbc.update("""
                UPDATE console_sessions SET last_seen_at = ?
                 WHERE tenant_id = ? AND session_hash = ? AND last_seen_at < ?""", now, REALM, sessionHash, now));
    }

    @Override
    public int purge(long idleBefore, long startedBefore, long now) {
        return db.write(jdbc -> jdbc.update("""
                DELETE FROM console_sessions
                 WHERE tenant_id = ? AND (ended_at IS NOT NULL OR last_seen_at <= ? OR created_at <= ?)""",
                REALM, idleBefore, startedBefore)
                + jdbc.update("DELETE FROM console_enrollment_links WHERE tenant_id = ? AND expires_at < ?",
                REALM, now));
    }

    @Override
    public boolean endSession(String sessionHash, long now) {
        return db.write(jdbc -> jdbc.update("""
                UPDATE console_sessions SET ended_at = ?
                 WHERE tenant_id = ? AND session_hash = ? AND ended_at IS NULL""", now, REALM, sessionHash)) > 0;
    }
}
