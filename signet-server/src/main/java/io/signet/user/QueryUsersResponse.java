package io.signet.user;

import java.util.List;

/** queryUsers (docs/server-api.md §7.1.4 "queryUsers"): {@code lastEvaluatedUserId} only when another page exists. */
public record QueryUsersResponse(List<Item> users, String lastEvaluatedUserId) {

    /** One matching user. */
    public record Item(
            String userId,
            String email,
            boolean emailVerified,
            String phoneNumber,
            boolean phoneNumberVerified,
            String username,
            String displayName,
            boolean isEnrolled,
            List<VerificationMethod> enrolledVerificationMethods,
            String createdAt) {
    }
}
