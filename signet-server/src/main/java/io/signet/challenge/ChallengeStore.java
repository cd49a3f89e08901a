package io.signet.challenge;

import io.signet.store.Jdbc;
import java.util.Optional;

/**
 * Storage of challenges, sending counters and used TOTP steps. Every limit is enforced by a conditional
 * statement in the database, so it holds across all nodes sharing it.
 */
public interface ChallengeStore {
    /** Inserts a new challenge with its code hash or link hash, in the caller's transaction. */
    void insert(Jdbc jdbc, Challenge challenge, String codeHash, String linkHash);

    /** The challenge, if it exists in this tenant. */
    Optional<Challenge> find(String tenantId, String challengeId);

    /** The newest unverified, unexpired challenge matching the given filters (null filters match all). */
    Optional<Challenge> findActive(String tenantId, ChallengeQuery query, long now);

    /** The newest challenge matching the filters, verified or not ({@code challengeId} is not a filter here). */
    Optional<Challenge> findLatest(String tenantId, ChallengeQuery query);

    /** Marks a verified challenge consumed; true once, for the one caller that did. */
    boolean consume(String tenantId, String challengeId, long now);

    /** Deletes a challenge whose message could not be delivered. */
    void delete(String tenantId, String challengeId);

    /**
     * Resend: replaces the code or link hash and the expiry of an unverified challenge that still has
     * attempts left. False when it is verified or exhausted.
     */
    boolean replaceSecret(String tenantId, String challengeId, String codeHash, String linkHash, long expiresAt,
                          int maxAttempts);

    /**
     * Counts one verification attempt if the challenge is unverified, unexpired and below {@code maxAttempts},
     * and returns its code hash; empty when no attempt could be counted. In the caller's transaction.
     */
    Optional<String> countAttempt(Jdbc jdbc, String tenantId, String challengeId, int maxAttempts, long now);

    /** Marks an unverified challenge verified; false if another request verified it first. */
    boolean markVerified(Jdbc jdbc, String tenantId, String challengeId, long now);

    /** The unverified, unexpired challenge with this link hash, left as it is. */
    Optional<Challenge> findLink(String linkHash, long now);

    /**
     * Marks the unverified, unexpired challenge with this link hash verified and returns it, in the caller's
     * transaction.
     */
    Optional<Challenge> verifyLink(Jdbc jdbc, String linkHash, long now);

    /** The code hash of an unverified challenge (empty once verified or for methods without a code). */
    Optional<String> codeHash(String tenantId, String challengeId);

    /** Sets the user of a challenge that has none, or checks it is already {@code userId}. */
    boolean assignUser(Jdbc jdbc, String tenantId, String challengeId, String userId);

    /**
     * Adds one send to the counter of {@code key} in the window starting at {@code windowStart}, unless it
     * already reached {@code limit}; false when the limit is reached. In the caller's transaction.
     */
    boolean countSend(Jdbc jdbc, String tenantId, String key, long windowStart, int limit);

    /** Records a TOTP time step as used; false when it was used before (a replay). */
    boolean useTotpStep(Jdbc jdbc, String tenantId, String userId, String userAuthenticatorId, long step, long now);

    /** Deletes challenges, counters and used steps that can no longer matter; returns rows deleted. */
    int purge(long expiredBefore);
}
