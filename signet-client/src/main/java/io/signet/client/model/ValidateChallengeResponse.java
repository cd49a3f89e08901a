package io.signet.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The result of {@code validateChallenge}. */
public class ValidateChallengeResponse {
    /** True only when the challenge was completed successfully. */
    public Boolean isValid;

    /** The action's state. */
    public UserActionState state;

    /** When the action's state last changed (ISO-8601). */
    public String stateUpdatedAt;

    /** The ID of the user the token belongs to. */
    public String userId;

    /** The action code the token belongs to (wire field {@code actionCode}). */
    @JsonProperty("actionCode")
    @JsonAlias("action")
    public String action;

    /** The action's idempotency key. */
    public String idempotencyKey;

    /** The method the challenge was completed with, if any. */
    public String verificationMethod;

    /** Creates an instance with every field unset. */
    public ValidateChallengeResponse() {
    }
}
