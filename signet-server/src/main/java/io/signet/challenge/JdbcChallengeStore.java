package io.signet.challenge;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.user.VerificationMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ChallengeStore} on SQLite or PostgreSQL. */
public final class JdbcChallengeStore implements ChallengeStore {
    private static final String COLUMNS = """
            tenant_id, challenge_id, user_id, action_code, idempotency_key, verification_method, sms_channel,
            email, phone_number, locale, attempts, created_at, expires_at, verified_at""";

    private final Database db;

    public JdbcChallengeStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Jdbc jdbc, Challenge c, String codeHash, String linkHash) {
        jdbc.update("INSERT INTO challenges (" + COLUMNS + ", code_hash, link_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.tenantId(), c.challengeId(), c.userId(), c.actionCode(), c.idempotencyKey(), c.method(),
                c.smsChannel(), c.email(), c.phoneNumber(), c.locale(), c.attempts(), c.createdAt(),
                c.expiresAt(), c.verifiedAt(), codeHash, linkHash);
    }

    @Override
    public Optional<Challenge> find(String tenantId, String challengeId) {
        return db.read(jdbc -> jdbc.queryOne("SELECT " + COLUMNS
                        + " FROM challenges WHERE tenant_id = ? AND challenge_id = ?",
                JdbcChallengeStore::map, tenantId, challengeId));
    }

    @Override
    public Optional<Challenge> findActive(String tenantId, ChallengeQuery q, long now) {
        return newest(" AND verified_at IS NULL AND expires_at > ?", new ArrayList<>(List.of(tenantId, now)), q,
                q.challengeId());
    }

    @Override
    public Optional<Challenge> findLatest(String tenantId, ChallengeQuery q) {
        return newest("", new ArrayList<>(List.of(tenantId)), q, null);
    }

    /** The tenant's newest challenge that meets {@code condition} and the query's filters. */
    private Optional<Challenge> newest(String condition, List<Object> params, ChallengeQuery q, String challengeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM challenges WHERE tenant_id = ?" + condition);
        filter(sql, params, "challenge_id", challengeId);
        filter(sql, params, "user_id", q.userId());
        filter(sql, params, "action_code", q.action());
        filter(sql, params, "verification_method", q.verificationMethod());
        filter(sql, params, "idempotency_key", q.idempotencyKey());
        sql.append(" ORDER BY created_at DESC, challenge_id DESC LIMIT 1");
        return db.read(jdbc -> jdbc.queryOne(sql.toString(), JdbcChallengeStore::map, params.toArray()));
    }

    @Override
    public boolean consume(String tenantId, String challengeId, long now) {
        return db.write(jdbc -> jdbc.update("""
                UPDATE challenges SET consumed_at = ?
                 WHERE tenant_id = ? AND challenge_id = ? AND verified_at IS NOT NULL AND consumed_at IS NULL""",
                now, tenantId, challengeId)) == 1;
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    @Override
    public void delete(String tenantId, String challengeId) {
        db.write(jdbc -> jdbc.update("DELETE FROM challenges WHERE tenant_id = ? AND challenge_id = ?",
                tenantId, challengeId));
    }

    @Override
    public boolean replaceSecret(String tenantId, String challengeId, String codeHash, String linkHash,
                                 long expiresAt, int maxAttempts) {
        return db.write(jdbc -> jdbc.update("""
                UPDATE challenges SET code_hash = ?, link_hash = ?, expires_at = ?
                 WHERE tenant_id = ? AND challenge_id = ? AND verified_at IS NULL AND attempts < ?""",
                codeHash, linkHash, expiresAt, tenantId, challengeId, maxAttempts)) == 1;
    }

    @Override
    public Optional<String> countAttempt(Jdbc jdbc, String tenantId, String challengeId, int maxAttempts, long now) {
        // The WHERE clause is the limit: on PostgreSQL concurrent updates of the row queue on its lock and
        // re-check the condition, on SQLite the single writer serialises them, so at most maxAttempts count.
        int counted = jdbc.update("""
                UPDATE challenges SET attempts = attempts + 1
                 WHERE tenant_id = ? AND challenge_id = ? AND verified_at IS NULL AND expires_at > ? AND attempts < ?""",
                tenantId, challengeId, now, maxAttempts);
        if (counted == 0) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT code_hash FROM challenges WHERE tenant_id = ? AND challenge_id = ?",
                r -> Optional.ofNullable(r.string("code_hash")).orElse(""), tenantId, challengeId);
    }

    @Override
    public boolean markVerified(Jdbc jdbc, String tenantId, String challengeId, long now) {
        return jdbc.update("""
                UPDATE challenges SET verified_at = ?, code_hash = NULL, link_hash = NULL
                 WHERE tenant_id = ? AND challenge_id = ? AND verified_at IS NULL""",
                now, tenantId, challengeId) == 1;
    }

    @Override
    public Optional<Challenge> findLink(String linkHash, long now) {
        return db.read(jdbc -> jdbc.queryOne("SELECT " + COLUMNS
                + " FROM challenges WHERE link_hash = ? AND verified_at IS NULL AND expires_at > ?",
                JdbcChallengeStore::map, linkHash, now));
    }

    @Override
    public Optional<Challenge> verifyLink(Jdbc jdbc, String linkHash, long now) {
        Optional<Challenge> found = jdbc.queryOne("SELECT " + COLUMNS
                        + " FROM challenges WHERE link_hash = ? AND verified_at IS NULL AND expires_at > ?"
                        + jdbc.dialect().forUpdate(), JdbcChallengeStore::map, linkHash, now);
        return found.filter(c -> markVerified(jdbc, c.tenantId(), c.challengeId(), now))
                .map(c -> find(jdbc, c.tenantId(), c.challengeId()));
    }

    @Override
    public Optional<String> codeHash(String tenantId, String challengeId) {
        return db.read(jdbc -> jdbc.queryOne("SELECT code_hash FROM challenges WHERE tenant_id = ? AND challenge_id = ?"
                + " AND code_hash IS NOT NULL", r -> r.string("code_hash"), tenantId, challengeId));
    }

    private static Challenge find(Jdbc jdbc, String tenantId, String challengeId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM challenges WHERE tenant_id = ? AND challenge_id = ?",
                JdbcChallengeStore::map, tenantId, challengeId).orElseThrow();
    }

    @Override
    public boolean assignUser(Jdbc jdbc, String tenantId, String challengeId, String userId) {
        return jdbc.update("""
                UPDATE challenges SET user_id = ?
                 WHERE tenant_id = ? AND challenge_id = ? AND (user_id IS NULL OR user_id = ?)""",
                userId, tenantId, challengeId, userId) == 1;
    }

    @Override
    public boolean countSend(Jdbc jdbc, String tenantId, String key, long windowStart, int limit) {
        return jdbc.update("""
                INSERT INTO send_counters (tenant_id, counter_key, window_start, sends) VALUES (?, ?, ?, 1)
                ON CONFLICT (tenant_id, counter_key, window_start)
                DO UPDATE SET sends = send_counters.sends + 1 WHERE send_counters.sends < ?""",
                tenantId, key, windowStart, limit) == 1;
    }

    @Override
    public boolean useTotpStep(Jdbc jdbc, String tenantId, String userId, String userAuthenticatorId, long step,
                               long now) {
        return jdbc.update("""
                INSERT INTO totp_used_steps (tenant_id, user_id, user_authenticator_id, time_step, used_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, user_authenticator_id, time_step) DO NOTHING""",
                tenantId, userId, userAuthenticatorId, step, now) == 1;
    }

    @Override
    public int purge(long expiredBefore) {
        return db.write(jdbc -> jdbc.update("DELETE FROM challenges WHERE expires_at < ?", expiredBefore)
                + jdbc.update("DELETE FROM send_counters WHERE window_start < ?", expiredBefore)
                + jdbc.update("DELETE FROM totp_used_steps WHERE used_at < ?", expiredBefore));
    }

    private static Challenge map(Row r) {
        String channel = r.string("sms_channel");
        return new Challenge(
                r.string("tenant_id"),
                r.string("challenge_id"),
                r.string("user_id"),
                r.string("action_code"),
                r.string("idempotency_key"),
                VerificationMethod.parse(r.string("verification_method")),
                channel == null ? null : SmsChannel.valueOf(channel),
                r.string("email"),
                r.string("phone_number"),
                r.string("locale"),
                r.intValue("attempts"),
                r.longValue("created_at"),
                r.longValue("expires_at"),
                r.nullableLong("verified_at"));
    }
}
