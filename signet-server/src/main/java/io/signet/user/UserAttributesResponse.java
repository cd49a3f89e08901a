package io.signet.user;

import tools.jackson.databind.node.ObjectNode;

/** updateUser's answer: the user's attributes after the change (docs/server-api.md §7.1.2 "updateUser"). */
public record UserAttributesResponse(
        String userId,
        String email,
        boolean emailVerified,
        String phoneNumber,
        boolean phoneNumberVerified,
        String username,
        String displayName,
        ObjectNode custom,
        String locale,
        VerificationMethod defaultVerificationMethod) {

    static UserAttributesResponse of(User u) {
        return new UserAttributesResponse(u.userId(), u.email(), u.emailVerified(), u.phoneNumber(),
                u.phoneNumberVerified(), u.username(), u.displayName(), u.custom(), u.locale(),
                u.defaultVerificationMethod());
    }
}
