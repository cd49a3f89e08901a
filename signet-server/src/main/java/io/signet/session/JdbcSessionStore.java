package io.signet.session;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.user.VerificationMethod;
import java.util.Optional;

/** {@link SessionStore} on SQLite or PostgreSQL. */
public final class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = """
            s.tenant_id, s.session_id, s.user_id, s.client_id, s.verification_method, s.origin, s.created_at,
            s.expires_at, s.revoked_at""";

    private final Database db;

    public JdbcSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(Session s, String refreshTokenHash) {
        return db.write(jdbc -> {
            // INSERT ... SELECT: no row when the user or the client was deleted meanwhile, instead of a
            // foreign-key failure.
            int inserted = jdbc.update("""
                    INSERT INTO sessions (tenant_id, session_id, user_id, client_id, verification_method, origin,
                                          created_at, expires_at)
                    SELECT u.tenant_id, ?, u.user_id, c.client_id, ?, ?, ?, ?
                      FROM users u JOIN app_clients c ON c.tenant_id = u.tenant_id AND c.client_id = ?
                     WHERE u.tenant_id = ? AND u.user_id = ?""",
                    s.sessionId(), s.verificationMethod(), s.origin(), s.createdAt(), s.expiresAt(),
                    s.clientId(), s.tenantId(), s.userId());
            if (inserted == 0) {
                return false;
            }
            insertRefreshToken(jdbc, s.tenantId(), refreshTokenHash, s.sessionId(), s.createdAt());
            return true;
        });
    }

    @Override
    public Optional<Session> find(String tenantId, String sessionId) {
        return db.read(jdbc -> jdbc.queryOne("SELECT " + COLUMNS + " FROM sessions s WHERE s.tenant_id = ? AND s.session_id = ?",
                JdbcSessionStore::map, tenantId, sessionId));
    }

    private record SessionAndClient(Session session, long accessTokenLifetime, long refreshTokenLifetime) {
    }

    private record Presented(String sessionId, Long retiredAt) {
    }

    private static Optional<SessionAndClient> withClient(Jdbc jdbc, String tenantId, String sessionId) {
        return jdbc.queryOne("SELECT " + COLUMNS + """
                , c.access_token_lifetime, c.refresh_token_lifetime
                  FROM sessions s JOIN app_clients c ON c.tenant_id = s.tenant_id AND c.client_id = s.client_id
                 WHERE s.tenant_id = ? AND s.session_id = ?""",
                r -> new SessionAndClient(map(r), r.longValue("access_token_lifetime"),
                        r.longValue("refresh_token_lifetime")),
                tenantId, sessionId);
    }

    @Override
    public Rotation rotate(String tenantId, String presentedHash, String nextHash, long now) {
        return db.write(jdbc -> {
            // The row lock makes a concurrent presentation of the same token wait here, then see it retired.
            Optional<Presented> presented = jdbc.queryOne(
                    "SELECT session_id, retired_at FROM refresh_tokens WHERE tenant_id = ? AND token_hash = ?"
                            + jdbc.dialect().forUpdate(),
                    r -> new Presented(r.string("session_id"), r.nullableLong("retired_at")), tenantId, presentedHash);
            Optional<SessionAndClient> found = presented.flatMap(p -> withClient(jdbc, tenantId, p.sessionId()));
            if (found.isEmpty() || !found.get().session().isActive(now)) {
                return new Rejected();
            }
            Session s = found.get().session();
            if (presented.get().retiredAt() != null) {
                revoke(jdbc, tenantId, s.sessionId(), now);
                return new Reused();
            }
            jdbc.update("UPDATE refresh_tokens SET retired_at = ? WHERE tenant_id = ? AND token_hash = ?",
                    now, tenantId, presentedHash);
            insertRefreshToken(jdbc, tenantId, nextHash, s.sessionId(), now);
            long expiresAt = now + found.get().refreshTokenLifetime() * 1000;
            jdbc.update("UPDATE sessions SET expires_at = ? WHERE tenant_id = ? AND session_id = ?",
                    expiresAt, tenantId, s.sessionId());
            return new Rotated(new Session(s.tenantId(), s.sessionId(), s.userId(), s.clientId(),
                    s.verificationMethod(), s.origin(), s.createdAt(), expiresAt, null),
                    found.get().accessTokenLifetime());
        });
    }

    @Override
    public boolean revoke(String tenantId, String sessionId, long now) {
        return db.write(jdbc -> revoke(jdbc, tenantId, sessionId, now));
    }

    private static boolean revoke(Jdbc jdbc, String tenantId, String sessionId, long now) {
        return jdbc.update("UPDATE sessions SET revoked_at = ? WHERE tenant_id = ? AND session_id = ? AND revoked_at IS NULL",
                now, tenantId, sessionId) == 1;
    }

    @Override
    public int revokeUser(String tenantId, String userId, long now) {
        return db.write(jdbc -> jdbc.update(
                "UPDATE sessions SET revoked_at = ? WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL",
                now, tenantId, userId));
    }

    @Override
    public int purgeExpired(long now, long createdBefore, int batch) {
        // SKIP LOCKED: nodes purging at the same time take disjoint batches and never wait on a session
        // that a refresh holds; refresh tokens go by cascade.
        return db.write(jdbc -> jdbc.update("""
                DELETE FROM sessions WHERE (tenant_id, session_id) IN (
                    SELECT tenant_id, session_id FROM sessions WHERE expires_at < ? AND created_at < ? LIMIT ?"""
                + jdbc.dialect().forUpdateSkipLocked() + ")", now, createdBefore, batch));
    }

    private static void insertRefreshToken(Jdbc jdbc, String tenantId, String hash, String sessionId, long now) {
        jdbc.update("INSERT INTO refresh_tokens (tenant_id, token_hash, session_id, created_at) VALUES (?, ?, ?, ?)",
                tenantId, hash, sessionId, now);
    }

    private static Session map(Row r) {
        return new Session(r.string("tenant_id"), r.string("session_id"), r.string("user_id"), r.string("client_id"),
                VerificationMethod.parse(r.string("verification_method")), r.string("origin"),
                r.longValue("created_at"), r.longValue("expires_at"), r.nullableLong("revoked_at"));
    }
}
