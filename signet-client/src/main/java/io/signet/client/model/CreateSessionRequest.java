package io.signet.client.model;

/** Creates a session from the token of a successful challenge. */
public class CreateSessionRequest {
    /** The app client the session is for; becomes the access token's audience. */
    public String clientId;

    /** A token from a successful challenge. */
    public String token;

    /** The action code the token must belong to, if set. */
    public String action;

    /** Creates an instance with every field unset. */
    public CreateSessionRequest() {
    }
}
