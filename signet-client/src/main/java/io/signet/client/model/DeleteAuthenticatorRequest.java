package io.signet.client.model;

/** Which authenticator {@code deleteAuthenticator} removes. */
public class DeleteAuthenticatorRequest {
    /** The ID of the user. */
    public String userId;

    /** The ID of the authenticator, from {@code getAuthenticators}. */
    public String userAuthenticatorId;

    /** Creates an instance with every field unset. */
    public DeleteAuthenticatorRequest() {
    }
}
