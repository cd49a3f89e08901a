package io.signet.client.model;

import java.util.Map;

/** What is known about an action being tracked; every field is optional. */
public class TrackAttributes {
    /** A key of your choice for the action; generated when absent. */
    public String idempotencyKey;

    /** The user's email address, stored on the user. */
    public String email;

    /** The user's phone number, stored on the user. */
    public String phoneNumber;

    /** The user's username. */
    public String username;

    /** Where the pre-built UI returns after the challenge. */
    public String redirectUrl;

    /** The end user's IP address, for rules. */
    public String ipAddress;

    /** The end user's user agent, for rules. */
    public String userAgent;

    /** The end user's device ID, for rules. */
    public String deviceId;

    /** Space-separated scopes for the returned token. */
    public String scope;

    /** Whether the pre-built UI shows settings after the challenge. */
    public Boolean redirectToSettings;

    /** Custom data points for rules. */
    public Map<String, Object> custom;

    /** The end user's locale (BCP 47). */
    public String locale;

    /** A challenge started earlier with {@code challenge}, to link to this action. */
    public String challengeId;

    /** The host used to build the pre-built UI URL. */
    public String customDomain;

    /** Creates an instance with every field unset. */
    public TrackAttributes() {
    }
}
