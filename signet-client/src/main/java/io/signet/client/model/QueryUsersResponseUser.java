package io.signet.client.model;

/** One user in a {@code queryUsers} page. */
public class QueryUsersResponseUser {
    /** The ID of the user. */
    public String userId;

    /** The user's email address, if set. */
    public String email;

    /** Whether the email address is verified. */
    public Boolean emailVerified;

    /** The user's phone number, if set. */
    public String phoneNumber;

    /** Whether the phone number is verified. */
    public Boolean phoneNumberVerified;

    /** The user's username, if set. */
    public String username;

    /** Creates an instance with every field unset. */
    public QueryUsersResponseUser() {
    }
}
