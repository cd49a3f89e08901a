package io.signet.session;

import java.util.Optional;

/**
 * What createSession needs of the action feature: the claims of a challenge token (from track or claim)
 * together with the action's current state. A seam so {@code session} does not depend on {@code action};
 * the action feature implements it, wired in {@code SignetApp}.
 */
@FunctionalInterface
public interface ChallengeTokens {
    /** The token's claims, or empty when it is malformed, expired, altered or belongs to another tenant. */
    Optional<VerifiedChallenge> verify(String tenantId, String token);
}
