package io.signet.authenticator;

/**
 * {@code webauthnCredential} of a passkey authenticator (authsignal-api.md §5.2). Fields Signet does not
 * know for an imported credential (deviceId, backup state, attachment, user agent) are omitted rather than
 * guessed; the Java SDK reads {@code credentialBackedUp} into a primitive, so it must not be null.
 */
record WebauthnCredential(String credentialId, String name, String aaguid, AaguidMapping aaguidMapping) {
    static final String DEFAULT_NAME = "Passkey";

    static WebauthnCredential of(StoredAuthenticator.StoredPasskey p) {
        AaguidMapping mapping = AaguidMapping.lookup(p.aaguid()).orElse(null);
        String name = p.name() != null ? p.name() : mapping != null ? mapping.name() : DEFAULT_NAME;
        return new WebauthnCredential(p.credentialId(), name, p.aaguid(), mapping);
    }
}
