package io.signet.user;

/**
 * Authsignal's verification methods, spelled as on the wire (docs/server-api.md §4.1 "VerificationMethod"). Signet never emits
 * {@code PALM_BIOMETRICS_RR}: the .NET SDK throws on it.
 */
public enum VerificationMethod {
    SMS,
    EMAIL_OTP,
    EMAIL_MAGIC_LINK,
    AUTHENTICATOR_APP,
    PASSKEY,
    SECURITY_KEY,
    PUSH,
    VERIFF,
    IPROOV,
    IDVERSE,
    PALM_BIOMETRICS_RR,
    RECOVERY_CODE,
    DEVICE,
    WHATSAPP;

    /** Parses a wire value, or null when {@code value} is not one of ours. */
    public static VerificationMethod parse(String value) {
        if (value == null) {
            return null;
        }
        for (VerificationMethod m : values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
