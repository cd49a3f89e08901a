package io.signet.authenticator;

/**
 * What a WebAuthn registration ceremony observed about a passkey, beyond its key: all null for a passkey
 * enrolled through the Server API, whose ceremony Signet did not see.
 *
 * @param backupEligible authenticator data flag BE: the credential may be synced (multiDevice)
 * @param backedUp       authenticator data flag BS: the credential is currently backed up
 * @param attachment     {@code platform} or {@code cross-platform}, as the browser reported it
 * @param deviceId       the browser SDK's anonymous device id
 * @param userAgent      the registering request's User-Agent header, raw
 * @param userHandle     base64url of the WebAuthn {@code user.id} the credential was created with
 */
public record ClientPasskeyData(Boolean backupEligible, Boolean backedUp, String attachment, String deviceId,
                                String userAgent, String userHandle) {
    public static final ClientPasskeyData NONE = new ClientPasskeyData(null, null, null, null, null, null);
}
