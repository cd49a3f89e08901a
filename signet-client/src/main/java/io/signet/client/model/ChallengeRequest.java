package io.signet.client.model;

/** Starts (or re-sends) a server-driven OTP challenge by SMS, WhatsApp or email. */
public class ChallengeRequest {
    /** SMS, WHATSAPP or EMAIL_OTP. */
    public VerificationMethodType verificationMethod;

    /** The action code the challenge is for. */
    public String action;

    /** The address to send the code to, for EMAIL_OTP. */
    public String email;

    /** The number to send the code to, for SMS and WhatsApp. */
    public String phoneNumber;

    /** {@code DEFAULT} or {@code WHATSAPP}, for SMS. */
    public String smsChannel;

    /** The user, when enrolling or updating an authenticator of an existing user. */
    public String userId;

    /** An existing action to attach the challenge to. */
    public String idempotencyKey;

    /** The language of the message (BCP 47). */
    public String locale;

    /** Creates an instance with every field unset. */
    public ChallengeRequest() {
    }
}
