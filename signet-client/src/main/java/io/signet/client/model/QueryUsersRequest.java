package io.signet.client.model;

/** Filters for {@code queryUsers}; each is sent only when set. */
public class QueryUsersRequest {
    /** Match users with this username. */
    public String username;

    /** Match users with this email address. */
    public String email;

    /** Match users with this phone number (E.164, the {@code +} is encoded for you). */
    public String phoneNumber;

    /** Match the user a client token belongs to (not supported by Signet). */
    public String token;

    /** The largest number of users in one page. */
    public Integer limit;

    /** The cursor from the previous page, to read the next one. */
    public String lastEvaluatedUserId;

    /** Creates an instance with every field unset. */
    public QueryUsersRequest() {
    }
}
