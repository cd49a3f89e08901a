package io.signet.client.model;

/** The WebAuthn credential of a passkey or security key. */
public class WebauthnCredential {
    /** The credential ID. */
    public String credentialId;

    /** The device the credential was created on. */
    public String deviceId;

    /** The credential's name, e.g. {@code iCloud Keychain}. */
    public String name;

    /** The authenticator's AAGUID. */
    public String aaguid;

    /** The name and icons known for the AAGUID. */
    public AaguidMapping aaguidMapping;

    /** Whether the credential is backed up (synced). */
    public Boolean credentialBackedUp;

    /** {@code singleDevice} or {@code multiDevice}. */
    public String credentialDeviceType;

    /** {@code platform} or {@code cross-platform}. */
    public String authenticatorAttachment;

    /** The user agent the credential was created with. */
    public UserAgent parsedUserAgent;

    /** When the credential was registered (ISO 8601). */
    public String verifiedAt;

    /** Creates an instance with every field unset. */
    public WebauthnCredential() {
    }
}
