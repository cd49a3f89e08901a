package io.signet.challenge;

/** {@code POST /v1/challenge} answer; {@code expiresAt} is integer Unix seconds (authsignal-api.md §2.5). */
public record ChallengeResponse(String challengeId, String idempotencyKey, long expiresAt) {
}
