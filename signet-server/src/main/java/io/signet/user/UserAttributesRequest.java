package io.signet.user;

import tools.jackson.databind.JsonNode;

/** Body of updateUser ({@code PATCH} or {@code POST /v1/users/{userId}}); every field optional. */
public record UserAttributesRequest(
        String email,
        Boolean emailVerified,
        String phoneNumber,
        Boolean phoneNumberVerified,
        String username,
        String displayName,
        JsonNode custom,
        String locale,
        String defaultVerificationMethod) {
}
