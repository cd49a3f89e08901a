package io.signet.client.model;

/** An access token to validate. */
public class ValidateSessionRequest {
    /** The access token. */
    public String accessToken;

    /** If set, the token must have been issued for one of these clients. */
    public String[] clientIds;

    /** Creates an instance with every field unset. */
    public ValidateSessionRequest() {
    }
}
