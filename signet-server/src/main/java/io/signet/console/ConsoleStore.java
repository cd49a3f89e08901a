package io.signet.console;

import java.util.Optional;

/**
 * Storage of the admin console's one-time enrollment links and its sessions, both in the operator realm.
 * Secrets (a link's token, a session's cookie) are stored only as keyed hashes.
 */
public interface ConsoleStore {
    /** Stores a new enrollment link for the operator {@code userId}. */
    void insertLink(String linkHash, String userId, long createdAt, long expiresAt);

    /** Marks the link used and returns its operator, when it exists, is unused and unexpired at {@code now}. */
    Optional<String> redeemLink(String linkHash, long now);

    /** A stored session; {@code endedAt} is null while it was not signed out. */
    record SessionRow(String sessionHash, String userId, String email, String signInRef, long createdAt,
                      long lastSeenAt, Long endedAt) {
    }

    /** Stores a new session; throws {@code DuplicateKeyException} when {@code signInRef} already opened one. */
    void insertSession(SessionRow session);

    /** The session with this hash. */
    Optional<SessionRow> findSession(String sessionHash);

    /** Records activity on an open session, for the idle timeout. */
    void touch(String sessionHash, long now);

    /** Ends the session (sign-out); false when there was no open one. */
    boolean endSession(String sessionHash, long now);

    /**
     * Deletes sessions that ended, were last seen at or before {@code idleBefore} or began at or before
     * {@code startedBefore}, and links that expired before {@code now}; returns how many rows went.
     */
    int purge(long idleBefore, long startedBefore, long now);
}
