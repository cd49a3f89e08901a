package io.signet.client.model;

/** The ways a user can verify, as named on the wire. */
public enum VerificationMethodType {
    /** One-time code by SMS. */
    SMS,
    /** TOTP code from an authenticator app. */
    AUTHENTICATOR_APP,
    /** Link sent by email. */
    EMAIL_MAGIC_LINK,
    /** One-time code by email. */
    EMAIL_OTP,
    /** Push notification to an enrolled device. */
    PUSH,
    /** WebAuthn security key. */
    SECURITY_KEY,
    /** WebAuthn passkey. */
    PASSKEY,
    /** Veriff identity verification. */
    VERIFF,
    /** iProov face verification. */
    IPROOV,
    /** Palm biometrics. */
    PALM_BIOMETRICS_RR,
    /** IDVerse identity verification. */
    IDVERSE,
    /** A trusted device. */
    DEVICE,
    /** One-time code by WhatsApp. */
    WHATSAPP,
    /** Single-use recovery code (missing from authsignal-java's enum, which reads it as null). */
    RECOVERY_CODE
}
