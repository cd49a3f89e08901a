package io.signet.client.model;

/** Filters for {@code getChallenge}; each is sent only when set. */
public class GetChallengeRequest {
    /** The challenge's ID. */
    public String challengeId;

    /** The ID of the user. */
    public String userId;

    /** The action code. */
    public String action;

    /** The verification method. */
    public String verificationMethod;

    /** Creates an instance with every field unset. */
    public GetChallengeRequest() {
    }
}
