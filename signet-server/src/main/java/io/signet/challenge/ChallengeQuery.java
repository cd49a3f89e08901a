package io.signet.challenge;

import io.signet.user.VerificationMethod;

/**
 * getChallenge filters (docs/server-api.md §7.5.4 "getChallenge"), and the idempotency key the Client API binds challenges
 * to (its token's action); each may be null.
 */
record ChallengeQuery(String challengeId, String userId, String action, VerificationMethod verificationMethod,
                      String idempotencyKey) {

    /** The Client API's challenges: those of one action and method. */
    static ChallengeQuery ofAction(ActionRef action, VerificationMethod method) {
        return new ChallengeQuery(null, action.userId(), action.actionCode(), method, action.idempotencyKey());
    }
}
