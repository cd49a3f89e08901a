package io.signet.authenticator;

import io.signet.wire.WireTime;

/**
 * {@code webauthnCredential} of a passkey authenticator (docs/server-api.md §5.2 "webauthnCredential"). Fields Signet does not
 * know (for a passkey enrolled through the Server API: device id, backup state, attachment, user agent)
 * are omitted rather than guessed; the Java SDK reads {@code credentialBackedUp} into a primitive, so it is
 * omitted (read as false) rather than ever sent as null.
 */
public record WebauthnCredential(String credentialId, String name, String aaguid, AaguidMapping aaguidMapping,
                          Boolean credentialBackedUp, String credentialDeviceType, String authenticatorAttachment,
                          String deviceId, ParsedUserAgent parsedUserAgent, String verifiedAt) {
    static final String DEFAULT_NAME = "Passkey";

    static WebauthnCredential of(StoredAuthenticator a) {
        StoredAuthenticator.StoredPasskey p = a.passkey();
        AaguidMapping mapping = AaguidMapping.lookup(p.aaguid()).orElse(null);
        String name = p.name() != null ? p.name() : mapping != null ? mapping.name() : DEFAULT_NAME;
        ClientPasskeyData c = p.client();
        String deviceType = c.backupEligible() == null ? null : c.backupEligible() ? "multiDevice" : "singleDevice";
        return new WebauthnCredential(p.credentialId(), name, p.aaguid(), mapping, c.backedUp(), deviceType,
                c.attachment(), c.deviceId(), ParsedUserAgent.parse(c.userAgent()), WireTime.iso(a.verifiedAt()));
    }
}
