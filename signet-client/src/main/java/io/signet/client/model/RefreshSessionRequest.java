package io.signet.client.model;

/** A refresh token to exchange for new tokens. */
public class RefreshSessionRequest {
    /** The refresh token. */
    public String refreshToken;

    /** Creates an instance with every field unset. */
    public RefreshSessionRequest() {
    }
}
