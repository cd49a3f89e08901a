package io.signet.client.model;

/** A session to revoke. */
public class RevokeSessionRequest {
    /** The session's access token. */
    public String accessToken;

    /** Creates an instance with every field unset. */
    public RevokeSessionRequest() {
    }
}
