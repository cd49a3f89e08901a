package io.signet.challenge;

import io.signet.user.VerificationMethod;

/**
 * What a challenge's result does to the tracked action. A seam because the action feature depends on
 * challenge, never the reverse: it implements this at start-up.
 */
public interface ActionOutcomes {
    /**
     * Records the result on the user's action with this code and idempotency key, if such an action exists
     * (a challenge started without track has none); {@code userAuthenticatorId} may be null.
     */
    void completed(String tenantId, String userId, String actionCode, String idempotencyKey, boolean succeeded,
                   VerificationMethod method, String userAuthenticatorId);

    /**
     * claimChallenge: records a verified challenge on the user's action (creating the action when the
     * challenge started none) and returns a token {@code /v1/validate} accepts for it.
     */
    String claim(String tenantId, String userId, String actionCode, String idempotencyKey, VerificationMethod method);
}
