package io.signet.session;

import java.util.Optional;

/**
 * Storage of sessions and their refresh tokens (stored as keyed hashes only). An interface so
 * {@link SessionService} reads as logic; {@link JdbcSessionStore} serves both dialects.
 */
public interface SessionStore {
    /** The result of presenting a refresh token. */
    sealed interface Rotation {
    }

    /** The token was current: it is retired, {@code session} carries the new expiry. */
    record Rotated(Session session, long accessTokenLifetime) implements Rotation {
    }

    /** The token had already been rotated away: the whole session is now revoked. */
    record Reused() implements Rotation {
    }

    /** Unknown token, or its session is revoked or expired. Nothing changed. */
    record Rejected() implements Rotation {
    }

    /**
     * Inserts {@code session} with its first refresh token when its user and client exist (false otherwise).
     * Throws {@link io.signet.store.DuplicateKeyException} when a session from the same origin exists.
     */
    boolean create(Session session, String refreshTokenHash);

    /** The session with this id, revoked and expired ones included. */
    Optional<Session> find(String tenantId, String sessionId);

    /**
     * Rotates a refresh token in one transaction: the presented token (by hash) is retired and
     * {@code nextHash} becomes current. Concurrent presentations of one token are serialized by a row
     * lock, so exactly one rotates; any later one is reuse.
     */
    Rotation rotate(String tenantId, String presentedHash, String nextHash, long now);

    /** Marks the session revoked; false when it is unknown or already revoked. */
    boolean revoke(String tenantId, String sessionId, long now);

    /** Marks every unrevoked session of the user revoked; returns how many. */
    int revokeUser(String tenantId, String userId, long now);

    /**
     * Deletes up to {@code batch} sessions that expired before {@code now} and were created before
     * {@code createdBefore}, skipping rows others hold.
     */
    int purgeExpired(long now, long createdBefore, int batch);
}
