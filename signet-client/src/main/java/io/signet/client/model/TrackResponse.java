package io.signet.client.model;

/** The outcome of {@code track}. */
public class TrackResponse {
    /** The action's key: yours, or the generated one. */
    public String idempotencyKey;

    /** The outcome of the rules. */
    public UserActionState state;

    /** The pre-built UI URL for a challenge. */
    public String url;

    /** A short-lived token for the client SDKs and {@code validateChallenge}. */
    public String token;

    /** Whether the user has an authenticator that can be challenged. */
    public Boolean isEnrolled;

    /** The verification methods the user may use. */
    public VerificationMethodType[] allowedVerificationMethods;

    /** The verification methods the user has enrolled. */
    public VerificationMethodType[] enrolledVerificationMethods;

    /** The user's default verification method, if set. */
    public VerificationMethodType defaultVerificationMethod;

    /** The IDs of the rules that fired. */
    public String[] ruleIds;

    /** Creates an instance with every field unset. */
    public TrackResponse() {
    }
}
