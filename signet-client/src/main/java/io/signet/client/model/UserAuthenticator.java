package io.signet.client.model;

/** An authenticator enrolled by a user. */
public class UserAuthenticator {
    /** The ID of the user. */
    public String userId;

    /** The ID of the authenticator. */
    public String userAuthenticatorId;

    /** The verification method. */
    public VerificationMethodType verificationMethod;

    /** When it was enrolled (ISO-8601). */
    public String createdAt;

    /** When it was first verified (ISO-8601), if it was. */
    public String verifiedAt;

    /** When it was last used to verify (ISO-8601), if it was. */
    public String lastVerifiedAt;

    /** The phone number, for SMS and WhatsApp. */
    public String phoneNumber;

    /** The email address, for email methods. */
    public String email;

    /** The username, for passkeys. */
    public String username;

    /** The display name, for passkeys. */
    public String displayName;

    /** The SMS channel used last time. */
    public String previousSmsChannel;

    /** The WebAuthn credential, for passkeys and security keys. */
    public WebauthnCredential webauthnCredential;

    /** Creates an instance with every field unset. */
    public UserAuthenticator() {
    }
}
