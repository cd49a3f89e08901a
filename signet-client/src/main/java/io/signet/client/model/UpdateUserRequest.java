package io.signet.client.model;

/** Which user {@code updateUser} changes, and how. */
public class UpdateUserRequest {
    /** The ID of the user; an unknown ID creates the user. */
    public String userId;

    /** The attributes to set. */
    public UserAttributes attributes;

    /** Creates an instance with every field unset. */
    public UpdateUserRequest() {
    }
}
