package io.signet.action;

import io.signet.user.VerificationMethod;

/**
 * Response of validateChallenge (docs/server-api.md §7.4 "validateChallenge"). The action code goes out as both
 * {@code actionCode} (Node, Java, .NET) and {@code action} (Ruby, PHP, Go, docs). An invalid token gives
 * only {@code isValid: false} and {@code error}: nothing from an unverified token is echoed.
 */
record ValidateResponse(
        boolean isValid,
        ActionState state,
        String stateUpdatedAt,
        String userId,
        String actionCode,
        String action,
        String idempotencyKey,
        VerificationMethod verificationMethod,
        String error) {

    static ValidateResponse invalid(String error) {
        return new ValidateResponse(false, null, null, null, null, null, null, null, error);
    }
}
