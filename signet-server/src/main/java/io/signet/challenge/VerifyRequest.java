package io.signet.challenge;

/** The body of {@code POST /v1/verify} (docs/server-api.md §7.5.2 "verify"). */
public record VerifyRequest(String challengeId, String verificationCode) {
}
