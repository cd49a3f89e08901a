package io.signet.clientapi;

import io.signet.authenticator.UserAuthenticator;

/**
 * Response bodies of the Client API, with the exact key names the SDKs read (docs/client-api.md §4 "Endpoint details",
 * §8.8). None has an {@code error} key: the browser SDK takes any body with one for an error.
 */
final class ClientResponses {
    private ClientResponses() {
    }

    /** EnrollResponse; {@code challengeId} only where the enroll also started a challenge the SDK may read. */
    record Enrolled(String userAuthenticatorId, String userId, String challengeId) {
    }

    /** #18: the new authenticator app's key URI and Base32 secret. */
    record TotpEnrolled(String userAuthenticatorId, String userId, String uri, String secret) {
    }

    /** ChallengeResponse. */
    record Challenged(String challengeId) {
    }

    /**
     * VerifyResponse: {@code accessToken} on success, {@code failureReason} on a wrong or expired code,
     * {@code userAuthenticator} only when this verification completed an enrollment.
     */
    record Verified(boolean isVerified, String accessToken, String failureReason,
                    UserAuthenticator userAuthenticator) {
    }
}
