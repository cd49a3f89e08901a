package io.signet.client.model;

/** The result of {@code verify}. */
public class VerifyResponse {
    /** Whether the code was right. */
    public boolean isVerified;

    /** The verified email address, for EMAIL_OTP. */
    public String email;

    /** The verified phone number, for SMS and WhatsApp. */
    public String phoneNumber;

    /** The challenge's verification method. */
    public VerificationMethodType verificationMethod;

    /** {@code CODE_INVALID_OR_EXPIRED} or {@code MAX_ATTEMPTS_EXCEEDED} when not verified. */
    public String failureReason;

    /** Creates an instance with every field unset. */
    public VerifyResponse() {
    }
}
