package io.signet.passkey;

/**
 * A pending WebAuthn ceremony: the challenge handed to the browser and what its result is bound to.
 *
 * @param challenge      base64url of 32 random bytes
 * @param userId         the token's user; null for an anonymous sign-in, whose user the credential decides
 * @param actionCode     the action the result goes to; null when an anonymous sign-in named none
 * @param idempotencyKey that action's key; null when it does not exist yet
 * @param userName       registration only: the {@code user.name} offered, or null
 * @param displayName    registration only: the {@code user.displayName} offered, or null
 */
record Ceremony(String tenantId, String challengeId, Kind kind, String challenge, String userId, String actionCode,
                String idempotencyKey, String rpId, String userName, String displayName, long createdAt,
                long expiresAt) {

    enum Kind {
        REGISTRATION, AUTHENTICATION
    }
}
