package io.signet.client.model;

import java.util.Map;

/** A user's attributes and enrolment state, as returned by {@code getUser}. */
public class GetUserResponse {
    /** The ID of the user. */
    public String userId;

    /** The user's email address, or {@code null} when none is set. */
    public String email;

    /** Whether the email address has been verified. */
    public Boolean emailVerified;

    /** The user's phone number in E.164 format, or {@code null}. */
    public String phoneNumber;

    /** Whether the phone number has been verified. */
    public Boolean phoneNumberVerified;

    /** The user's username, the primary identifier for passkeys. */
    public String username;

    /** The user's display name, shown beside passkeys. */
    public String displayName;

    /** Whether the user has at least one authenticator that can be challenged. */
    public Boolean isEnrolled;

    /** The verification methods the user may enrol. */
    public VerificationMethodType[] allowedVerificationMethods;

    /** The verification methods the user has enrolled. */
    public VerificationMethodType[] enrolledVerificationMethods;

    /** The method used for the user's next challenge, if set. */
    public VerificationMethodType defaultVerificationMethod;

    /** Custom data points for rules; numbers and booleans arrive as strings. */
    public Map<String, String> custom;

    /** Creates an instance with every field unset. */
    public GetUserResponse() {
    }
}
