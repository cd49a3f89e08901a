package io.signet.client.model;

/** The active challenge matching a {@code getChallenge} query. */
public class GetChallengeResponse {
    /** The challenge's ID. */
    public String challengeId;

    /** When the code expires, in Unix seconds. */
    public Long expiresAt;

    /** The challenge's verification method. */
    public VerificationMethodType verificationMethod;

    /** The SMS channel, for SMS. */
    public SmsChannel smsChannel;

    /** The phone number the code went to. */
    public String phoneNumber;

    /** The email address the code went to. */
    public String email;

    /** The action code. */
    public String action;

    /** Creates an instance with every field unset. */
    public GetChallengeResponse() {
    }
}
