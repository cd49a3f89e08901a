package io.signet.clientapi;

/** Request bodies of the Client API (docs/client-api.md §4.2 "Email OTP (#10–#12)"–4.6); an empty body reads as {@code {}}. */
final class ClientBodies {
    private ClientBodies() {
    }

    /** #10 and #20: {@code {email}}. */
    record Email(String email) {
    }

    /** #13: {@code {phoneNumber}} in E.164. */
    record Phone(String phoneNumber) {
    }

    /** #12, #15, #17, #19: {@code {verificationCode}}. */
    record Code(String verificationCode) {
    }
}
