package io.signet.challenge;

/** {@code POST /v1/challenge} answer; {@code expiresAt} is integer Unix seconds (docs/server-api.md §2.5 "Responses"). */
public record ChallengeResponse(String challengeId, String idempotencyKey, long expiresAt) {
}
