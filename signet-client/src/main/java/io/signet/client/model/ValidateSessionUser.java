package io.signet.client.model;

import java.util.Map;

/** The user of a validated session. */
public class ValidateSessionUser {
    /** The ID of the user. */
    public String userId;

    /** The user's email address, if set. */
    public String email;

    /** The user's phone number, if set. */
    public String phoneNumber;

    /** The user's username, if set. */
    public String username;

    /** The user's display name, if set. */
    public String displayName;

    /** Custom data points; numbers and booleans arrive as strings. */
    public Map<String, String> custom;

    /** Creates an instance with every field unset. */
    public ValidateSessionUser() {
    }
}
