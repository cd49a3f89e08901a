package io.signet.action;

import io.signet.user.VerificationMethod;

/**
 * A verified action token with the current state of its action, for features that accept action tokens
 * (sessions, the Client API, the hosted page). {@code isValid} is validateChallenge's rule: ALLOW or
 * CHALLENGE_SUCCEEDED. {@code redirectUrl} is the one track validated and stored, {@code locale} track's
 * language tag; either may be null.
 */
public record VerifiedAction(TokenClaims claims, ActionState state, long stateUpdatedAt,
                             VerificationMethod verificationMethod, String redirectUrl, String locale) {

    public boolean isValid() {
        return state.isValid();
    }
}
