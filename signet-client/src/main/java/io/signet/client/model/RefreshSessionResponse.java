package io.signet.client.model;

/** The rotated tokens of a refreshed session. */
public class RefreshSessionResponse {
    /** The new access token. */
    public String accessToken;

    /** The new refresh token. */
    public String refreshToken;

    /** Creates an instance with every field unset. */
    public RefreshSessionResponse() {
    }
}
