package io.signet.challenge;

/**
 * The body of {@code POST /v1/claim} (authsignal-api.md §7.5.3). Node 2.11–2.17 also sent
 * {@code deviceId}, {@code ipAddress}, {@code userAgent} and {@code custom}; they are ignored.
 */
public record ClaimRequest(String challengeId, String userId, Boolean skipVerificationCheck) {
}
