package io.signet.client.model;

/** A valid session. */
public class ValidateSessionResponse {
    /** The session's user. */
    public ValidateSessionUser user;

    /** When the access token expires, in Unix seconds. */
    public int expiresAt;

    /** The method the session was created with. */
    public VerificationMethodType verificationMethod;

    /** Creates an instance with every field unset. */
    public ValidateSessionResponse() {
    }
}
