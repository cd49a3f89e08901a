package io.signet.client.model;

/** A code the user entered for a challenge. */
public class VerifyRequest {
    /** The challenge's ID. */
    public String challengeId;

    /** The code the user entered. */
    public String verificationCode;

    /** Creates an instance with every field unset. */
    public VerifyRequest() {
    }
}
