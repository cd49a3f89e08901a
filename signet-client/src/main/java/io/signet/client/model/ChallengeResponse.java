package io.signet.client.model;

/** A started challenge. */
public class ChallengeResponse {
    /** The challenge's ID, for {@code verify} and {@code claimChallenge}. */
    public String challengeId;

    /** The action the challenge belongs to. */
    public String idempotencyKey;

    /** When the code expires, in Unix seconds. */
    public Long expiresAt;

    /** Creates an instance with every field unset. */
    public ChallengeResponse() {
    }
}
