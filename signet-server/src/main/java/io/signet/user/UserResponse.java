package io.signet.user;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** getUser (docs/server-api.md §7.1.1 "getUser"). Absent attributes are omitted, never null. */
public record UserResponse(
        String userId,
        boolean isEnrolled,
        String email,
        boolean emailVerified,
        String phoneNumber,
        boolean phoneNumberVerified,
        String username,
        String displayName,
        ObjectNode custom,
        List<VerificationMethod> enrolledVerificationMethods,
        List<VerificationMethod> allowedVerificationMethods,
        VerificationMethod defaultVerificationMethod) {
}
