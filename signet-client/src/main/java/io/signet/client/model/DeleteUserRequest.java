package io.signet.client.model;

/** Which user {@code deleteUser} removes, with everything the user owns. */
public class DeleteUserRequest {
    /** The ID of the user. */
    public String userId;

    /** Creates an instance with every field unset. */
    public DeleteUserRequest() {
    }
}
