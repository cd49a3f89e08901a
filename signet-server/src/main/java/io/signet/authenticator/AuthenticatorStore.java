package io.signet.authenticator;

import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of authenticators and recovery code hashes. Every method runs in the caller's transaction, so a
 * service decides and writes atomically. An interface so the SQL stays apart from the decisions it serves.
 */
public interface AuthenticatorStore {
    /** The user's authenticators, oldest first, pending ones included (see {@link StoredAuthenticator}). */
    List<StoredAuthenticator> list(Jdbc jdbc, String tenantId, String userId);

    /** The user's authenticator with this id; empty if it does not exist or belongs to someone else. */
    Optional<StoredAuthenticator> find(Jdbc jdbc, String tenantId, String userId, String authenticatorId);

    /** The user's authenticator of this method with this match key (see {@link NewAuthenticator#matchKey}). */
    Optional<StoredAuthenticator> findByMatchKey(Jdbc jdbc, String tenantId, String userId, VerificationMethod method,
                                                 String matchKey);

    /** Every authenticator of these users, by what identifies it. */
    Map<MatchKey, StoredAuthenticator> findByUsers(Jdbc jdbc, String tenantId, Collection<String> userIds);

    /** The users holding these passkey credential ids in the tenant: credential id to user id. */
    Map<String, String> credentialOwners(Jdbc jdbc, String tenantId, Collection<String> credentialIds);

    /**
     * Inserts each authenticator (with the match key at the same index) unless a unique constraint already
     * holds an equal one (same user, method and match key, or same credential id); never fails on such a
     * duplicate. Returns the ids of those inserted.
     */
    Set<String> insertAllIfAbsent(Jdbc jdbc, String tenantId, List<StoredAuthenticator> authenticators,
                                  List<String> matchKeys);

    /** The passkey with this credential id in the tenant, whoever holds it. */
    Optional<StoredAuthenticator> findByCredentialId(Jdbc jdbc, String tenantId, String credentialId);

    /** The passkeys among these credential ids in the tenant. */
    List<StoredAuthenticator> findByCredentialIds(Jdbc jdbc, String tenantId, Collection<String> credentialIds);

    /**
     * After a verified sign-in: the signature counter (never lowered, so of two racing sign-ins the higher
     * counter stays), the backup state, and {@code last_verified_at}.
     */
    boolean recordAssertion(Jdbc jdbc, String tenantId, String authenticatorId, long signCount, boolean backedUp,
                            long at);

    /** Deletes the user's authenticator; false when there was none. */
    boolean delete(Jdbc jdbc, String tenantId, String userId, String authenticatorId);

    /** How many verified authenticators the user has. */
    long count(Jdbc jdbc, String tenantId, String userId);

    /** Locks the user's row until the transaction ends, serialising decisions about one user's factors. */
    void lockUser(Jdbc jdbc, String tenantId, String userId);

    /**
     * Each user's enrolled methods (verified authenticators), each once, in the order first enrolled, read
     * in one query however many users; a user without any is absent from the map.
     */
    Map<String, List<VerificationMethod>> enrolledMethods(Jdbc jdbc, String tenantId, Collection<String> userIds);

    /** Stores recovery code hashes for the user. */
    void insertRecoveryCodes(Jdbc jdbc, String tenantId, String userId, List<String> codeHashes, long now);

    /** Deletes one recovery code by hash; true only for the one caller that deleted it. */
    boolean deleteRecoveryCode(Jdbc jdbc, String tenantId, String userId, String codeHash);

    /** Whether the user has an unused recovery code with this hash; deletes nothing. */
    boolean hasRecoveryCode(Jdbc jdbc, String tenantId, String userId, String codeHash);

    /** Deletes all of the user's recovery codes. */
    void deleteRecoveryCodes(Jdbc jdbc, String tenantId, String userId);

    /** How many unused recovery codes the user has. */
    long countRecoveryCodes(Jdbc jdbc, String tenantId, String userId);

    /** Sets {@code last_verified_at} of the user's authenticator; false when there is none. */
    boolean markLastVerified(Jdbc jdbc, String tenantId, String userId, String authenticatorId, long at);

    /**
     * Makes a pending authenticator verified, stamping {@code verified_at} and {@code last_verified_at}; true
     * only for the one caller that did (it then publishes the creation).
     */
    boolean confirm(Jdbc jdbc, String tenantId, String userId, String authenticatorId, long at);

    /** Deletes the user's pending authenticators of the method; returns how many. */
    int deletePending(Jdbc jdbc, String tenantId, String userId, VerificationMethod method);
}
