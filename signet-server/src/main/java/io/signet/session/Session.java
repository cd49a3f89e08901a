package io.signet.session;

import io.signet.user.VerificationMethod;

/**
 * A stored session: one refresh-token family. {@code expiresAt} moves forward on each refresh (the refresh
 * lifetime is an idle timeout); {@code origin} names the challenge it came from; times are epoch millis.
 */
record Session(
        String tenantId,
        String sessionId,
        String userId,
        String clientId,
        VerificationMethod verificationMethod,
        String origin,
        long createdAt,
        long expiresAt,
        Long revokedAt) {

    boolean isActive(long now) {
        return revokedAt == null && now < expiresAt;
    }
}
