package io.signet.user;

import tools.jackson.databind.node.ObjectNode;

/** A stored user. {@code custom} is a JSON object or null. */
public record User(
        String tenantId,
        String userId,
        String email,
        boolean emailVerified,
        String phoneNumber,
        boolean phoneNumberVerified,
        String username,
        String displayName,
        ObjectNode custom,
        String locale,
        VerificationMethod defaultVerificationMethod,
        long createdAt,
        long updatedAt) {
}
