package io.signet.client.model;

/** Filters for {@code queryUserActions}; each is sent only when set. */
public class QueryUserActionsRequest {
    /** The ID of the user. */
    public String userId;

    /** The earliest creation time (ISO-8601); at most 30 days back. */
    public String fromDate;

    /** Only these action codes. */
    public String[] actionCodes;

    /** Only actions in this state. */
    public UserActionState state;

    /** Creates an instance with every field unset. */
    public QueryUserActionsRequest() {
    }
}
