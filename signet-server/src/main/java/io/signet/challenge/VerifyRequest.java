package io.signet.challenge;

/** The body of {@code POST /v1/verify} (authsignal-api.md §7.5.2). */
public record VerifyRequest(String challengeId, String verificationCode) {
}
