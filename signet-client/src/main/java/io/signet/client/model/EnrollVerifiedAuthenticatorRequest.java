package io.signet.client.model;

/** Enrols an authenticator whose contact the caller has already verified. */
public class EnrollVerifiedAuthenticatorRequest {
    /** The ID of the user; an unknown ID creates the user. */
    public String userId;

    /** The authenticator to enrol. */
    public EnrollVerifiedAuthenticatorAttributes attributes;

    /** Creates an instance with every field unset. */
    public EnrollVerifiedAuthenticatorRequest() {
    }
}
