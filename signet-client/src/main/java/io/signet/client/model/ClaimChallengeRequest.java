package io.signet.client.model;

/** Claims a verified challenge for a user. */
public class ClaimChallengeRequest {
    /** The challenge's ID. */
    public String challengeId;

    /** The user who claims it. */
    public String userId;

    /** Claim even if the challenge was not verified. */
    public Boolean skipVerificationCheck;

    /** Creates an instance with every field unset. */
    public ClaimChallengeRequest() {
    }
}
