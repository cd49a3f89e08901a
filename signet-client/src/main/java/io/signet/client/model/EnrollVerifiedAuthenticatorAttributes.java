package io.signet.client.model;

/** The authenticator to enrol; which fields are required depends on {@link #verificationMethod}. */
public class EnrollVerifiedAuthenticatorAttributes {
    /** The verification method of the authenticator. */
    public VerificationMethodType verificationMethod;

    /** The phone number in E.164 format; required for SMS and WhatsApp. */
    public String phoneNumber;

    /** The email address; required for EMAIL_OTP and EMAIL_MAGIC_LINK. */
    public String email;

    /** The {@code otpauth://totp/...} URI; required for AUTHENTICATOR_APP. */
    public String otpUri;

    /** The WebAuthn credential ID; required for PASSKEY. */
    public String credentialId;

    /** The credential's COSE public key, base64url; required for PASSKEY. */
    public String credentialPublicKey;

    /** A display name for a passkey. */
    public String name;

    /** The passkey's AAGUID (a UUID), which names its provider in {@code webauthnCredential.aaguidMapping}. */
    public String aaguid;

    /** Whether this becomes the user's default method. */
    public Boolean isDefault;

    /** Creates an instance with every field unset. */
    public EnrollVerifiedAuthenticatorAttributes() {
    }
}
