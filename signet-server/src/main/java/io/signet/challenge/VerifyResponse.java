package io.signet.challenge;

import io.signet.user.VerificationMethod;

/**
 * {@code POST /v1/verify} answer (docs/server-api.md §7.5.2 "verify"). A wrong or expired code is a 200 with
 * {@code isVerified:false} and a {@code failureReason}; the contact is returned only on success.
 * {@code recoveryCodesRemaining} is a Signet extension, present only for RECOVERY_CODE challenges.
 */
public record VerifyResponse(
        boolean isVerified,
        String email,
        String phoneNumber,
        VerificationMethod verificationMethod,
        FailureReason failureReason,
        Integer recoveryCodesRemaining) {

    /** VerificationFailureReason (docs/server-api.md §4.3 "Other enums"). */
    public enum FailureReason {
        CODE_INVALID_OR_EXPIRED,
        MAX_ATTEMPTS_EXCEEDED
    }

    static VerifyResponse failed(VerificationMethod method, FailureReason reason) {
        return new VerifyResponse(false, null, null, method, reason, null);
    }
}
