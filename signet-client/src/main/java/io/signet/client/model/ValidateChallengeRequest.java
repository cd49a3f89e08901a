package io.signet.client.model;

/** A client token to validate, optionally checked against a user and action. */
public class ValidateChallengeRequest {
    /** The token from a client SDK or {@code track}. */
    public String token;

    /** If set, the token must belong to this user. */
    public String userId;

    /** If set, the token must belong to this action code. */
    public String action;

    /** Creates an instance with every field unset. */
    public ValidateChallengeRequest() {
    }
}
