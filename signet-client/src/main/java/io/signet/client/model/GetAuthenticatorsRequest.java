package io.signet.client.model;

/** Whose authenticators {@code getAuthenticators} lists. */
public class GetAuthenticatorsRequest {
    /** The ID of the user. */
    public String userId;

    /** Creates an instance with every field unset. */
    public GetAuthenticatorsRequest() {
    }
}
