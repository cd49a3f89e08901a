package io.signet.session;

/**
 * What createSession needs of the action feature: the claims of a challenge token (from track or claim)
 * together with the action's current state. A seam so {@code session} does not depend on {@code action};
 * the action feature implements it, wired in {@code SignetApp}.
 */
@FunctionalInterface
public interface ChallengeTokens {
    /**
     * Verifies {@code token} for {@code tenantId}. Throws a {@link io.signet.http.SignetException} with a 4xx
     * code when the token is malformed, expired, altered or belongs to another tenant.
     */
    VerifiedChallenge verify(String tenantId, String token);
}
