package io.signet.session;

import io.signet.user.User;
import io.signet.user.VerificationMethod;
import tools.jackson.databind.node.ObjectNode;

/**
 * validateSession's answer (docs/server-api.md §7.6 "Sessions"): the user's current attributes, the access token's
 * expiry in integer seconds (Java and .NET read an {@code int}) and how the user verified.
 */
record ValidateSessionResponse(SessionUser user, long expiresAt, VerificationMethod verificationMethod) {

    record SessionUser(String userId, String email, String phoneNumber, String username, String displayName,
                       ObjectNode custom, boolean emailVerified, boolean phoneNumberVerified) {
        static SessionUser of(User u) {
            return new SessionUser(u.userId(), u.email(), u.phoneNumber(), u.username(), u.displayName(), u.custom(),
                    u.emailVerified(), u.phoneNumberVerified());
        }
    }
}
