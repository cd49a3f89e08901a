package io.signet.client.model;

/** The result of {@code claimChallenge}. */
public class ClaimChallengeResponse {
    /** A token that validates as CHALLENGE_SUCCEEDED and can create a session. */
    public String token;

    /** The challenge's verification method. */
    public VerificationMethodType verificationMethod;

    /** Creates an instance with every field unset. */
    public ClaimChallengeResponse() {
    }
}
