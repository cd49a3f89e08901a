package io.signet.client.model;

/** A new session's tokens. */
public class CreateSessionResponse {
    /** The access token. */
    public String accessToken;

    /** The refresh token. */
    public String refreshToken;

    /** Creates an instance with every field unset. */
    public CreateSessionResponse() {
    }
}
