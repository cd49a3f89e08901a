package io.signet.challenge;

import io.signet.user.VerificationMethod;

/**
 * getChallenge answer (docs/server-api.md §7.5.4 "getChallenge"): every field optional, {@code {}} when no challenge
 * is active. {@code action} is the action code as a string (the docs' "number" is a docs error).
 */
public record GetChallengeResponse(
        String challengeId,
        Long expiresAt,
        VerificationMethod verificationMethod,
        String smsChannel,
        String phoneNumber,
        String email,
        String action) {

    static final GetChallengeResponse NONE = new GetChallengeResponse(null, null, null, null, null, null, null);
}
