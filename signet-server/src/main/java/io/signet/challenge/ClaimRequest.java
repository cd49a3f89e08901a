package io.signet.challenge;

/**
 * The body of {@code POST /v1/claim} (docs/server-api.md §7.5.3 "claimChallenge"). Node 2.11–2.17 also sent
 * {@code deviceId}, {@code ipAddress}, {@code userAgent} and {@code custom}; they are ignored.
 */
public record ClaimRequest(String challengeId, String userId, Boolean skipVerificationCheck) {
}
