package io.signet.client.model;

/** Which user {@code getUser} reads. */
public class GetUserRequest {
    /** The ID of the user. */
    public String userId;

    /** Creates an instance with every field unset. */
    public GetUserRequest() {
    }
}
