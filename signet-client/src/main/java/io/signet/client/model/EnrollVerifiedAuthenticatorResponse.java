package io.signet.client.model;

/** The answer of {@code enrollVerifiedAuthenticator}. */
public class EnrollVerifiedAuthenticatorResponse {
    /** The enrolled authenticator. */
    public UserAuthenticator authenticator;

    /** Recovery codes, on the user's first enrolment when they are enabled. */
    public String[] recoveryCodes;

    /** Creates an instance with every field unset. */
    public EnrollVerifiedAuthenticatorResponse() {
    }
}
