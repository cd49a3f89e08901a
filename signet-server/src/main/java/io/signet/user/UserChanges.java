package io.signet.user;

import tools.jackson.databind.node.ObjectNode;

/**
 * Validated attribute changes: a null component leaves the stored value as it is; an empty string
 * clears a text attribute.
 */
public record UserChanges(
        String email,
        Boolean emailVerified,
        String phoneNumber,
        Boolean phoneNumberVerified,
        String username,
        String displayName,
        ObjectNode custom,
        String locale,
        VerificationMethod defaultVerificationMethod) {

    public static final UserChanges NONE = new UserChanges(null, null, null, null, null, null, null, null, null);
}
