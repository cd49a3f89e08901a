package io.signet.passkey;

import io.signet.store.Jdbc;
import io.signet.store.Row;
import java.util.Locale;
import java.util.Optional;

/** {@link CeremonyStore} on SQLite (3.35+, for RETURNING) or PostgreSQL; the SQL is valid in both. */
public final class JdbcCeremonyStore implements CeremonyStore {
    private static final String COLUMNS = """
            tenant_id, challenge_id, kind, challenge, user_id, action_code, idempotency_key, rp_id, user_name,
            user_display_name, created_at, expires_at""";

    @Override
    public void insert(Jdbc jdbc, Ceremony c) {
        jdbc.update("INSERT INTO passkey_challenges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.tenantId(), c.challengeId(), c.kind().name().toLowerCase(Locale.ROOT), c.challenge(), c.userId(),
                c.actionCode(), c.idempotencyKey(), c.rpId(), c.userName(), c.displayName(), c.createdAt(),
                c.expiresAt());
    }

    @Override
    public Optional<Ceremony> find(Jdbc jdbc, String tenantId, String challengeId, long now) {
        return jdbc.queryOne("SELECT " + COLUMNS
                        + " FROM passkey_challenges WHERE tenant_id = ? AND challenge_id = ? AND expires_at > ?",
                JdbcCeremonyStore::map, tenantId, challengeId, now);
    }

    @Override
    public Optional<Ceremony> consume(Jdbc jdbc, String tenantId, String challengeId, long now) {
        return jdbc.queryOne("DELETE FROM passkey_challenges WHERE tenant_id = ? AND challenge_id = ? AND expires_at > ?"
                + " RETURNING " + COLUMNS, JdbcCeremonyStore::map, tenantId, challengeId, now);
    }

    @Override
    public int purgeExpired(Jdbc jdbc, long now) {
        return jdbc.update("DELETE FROM passkey_challenges WHERE expires_at <= ?", now);
    }

    private static Ceremony map(Row r) {
        return new Ceremony(r.string("tenant_id"), r.string("challenge_id"),
                Ceremony.Kind.valueOf(r.string("kind").toUpperCase(Locale.ROOT)), r.string("challenge"),
                r.string("user_id"), r.string("action_code"), r.string("idempotency_key"), r.string("rp_id"),
                r.string("user_name"), r.string("user_display_name"), r.longValue("created_at"),
                r.longValue("expires_at"));
    }
}
