package io.signet.challenge;

import io.signet.user.VerificationMethod;

/** {@code POST /v1/claim} answer: a token {@code /v1/validate} accepts (docs/server-api.md §7.5.3 "claimChallenge"). */
public record ClaimResponse(String token, VerificationMethod verificationMethod) {
}
