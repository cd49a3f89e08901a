package io.signet.challenge;

import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;

/**
 * What a challenge's result does to the tracked action. A seam because the action feature depends on
 * challenge, never the reverse: it implements this at start-up.
 */
public interface ActionOutcomes {
    /**
     * Whether the tenant's {@code action.verify} webhook vetoes a success of the user's action with this code
     * and idempotency key; false, without asking, when no action would move to CHALLENGE_SUCCEEDED. Call it
     * outside any transaction (it waits on the network), before the transaction that records the success.
     */
    boolean vetoed(String tenantId, String userId, String actionCode, String idempotencyKey,
                   VerificationMethod method, String userAuthenticatorId);

    /**
     * Records the result on the user's action with this code and idempotency key, in the caller's
     * transaction, if such an action exists and can take it (a challenge started without track has none);
     * a success that {@link #vetoed} records CHALLENGE_FAILED instead. {@code userAuthenticatorId} may be
     * null. Throws (rolling the caller's transaction back) when the action changed state meanwhile.
     */
    void completed(Jdbc jdbc, String tenantId, String userId, String actionCode, String idempotencyKey,
                   boolean succeeded, boolean vetoed, VerificationMethod method, String userAuthenticatorId);

    /** {@link #vetoed} and then {@link #completed(Jdbc, ...)} in a transaction of its own. */
    void completed(String tenantId, String userId, String actionCode, String idempotencyKey, boolean succeeded,
                   VerificationMethod method, String userAuthenticatorId);

    /**
     * claimChallenge: records a verified challenge on the user's action (creating the action when the
     * challenge started none) and returns a token {@code /v1/validate} accepts for it.
     */
    String claim(String tenantId, String userId, String actionCode, String idempotencyKey, VerificationMethod method);
}
