package io.signet.client.model;

/** Whose sessions to revoke. */
public class RevokeUserSessionsRequest {
    /** The ID of the user. */
    public String userId;

    /** Creates an instance with every field unset. */
    public RevokeUserSessionsRequest() {
    }
}
