package io.signet.client.model;

/** One page of {@code queryUsers} results. */
public class QueryUsersResponse {
    /** The matching users; empty when nothing matches. */
    public QueryUsersResponseUser[] users;

    /** The cursor for the next page, or {@code null} on the last page. */
    public String lastEvaluatedUserId;

    /** The decoded token, when the query filtered by token. */
    public Object tokenPayload;

    /** Creates an instance with every field unset. */
    public QueryUsersResponse() {
    }
}
