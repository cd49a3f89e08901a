package io.signet.client.model;

import java.util.Map;

/** User attributes: the body of {@code updateUser} and its answer. Absent (null) fields are left unchanged. */
public class UserAttributes {
    /** The user's email address. */
    public String email;

    /** Whether the email address is verified. */
    public Boolean emailVerified;

    /** The user's phone number in E.164 format, e.g. {@code +64271234567}. */
    public String phoneNumber;

    /** Whether the phone number is verified. */
    public Boolean phoneNumberVerified;

    /** The username, the primary identifier for passkeys. */
    public String username;

    /** The display name, shown beside passkeys. */
    public String displayName;

    /** Custom data points for rules; replaces the stored map as a whole. */
    public Map<String, Object> custom;

    /** The user's locale as a BCP 47 tag. */
    public String locale;

    /** The method to use for the user's next challenge. */
    public VerificationMethodType defaultVerificationMethod;

    /** Creates an instance with every field unset. */
    public UserAttributes() {
    }
}
