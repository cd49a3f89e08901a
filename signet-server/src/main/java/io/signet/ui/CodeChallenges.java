package io.signet.ui;

import io.signet.caller.ClientPrincipal;
import io.signet.user.VerificationMethod;

/**
 * What the page's plain forms (JavaScript off) need from the Client API: sending a code and checking one,
 * with exactly the send and attempt limits of {@code /v1/client/challenge/*} and {@code /v1/client/verify/*},
 * because the Client API feature implements it with the same service those routes call.
 */
public interface CodeChallenges {
    /**
     * A new code to the user's authenticator of {@code method}; throws SignetException like the route.
     * {@code ipAddress} (the browser's, behind a trusted proxy from its headers) counts against
     * SIGNET_SEND_LIMIT_PER_IP as on the route.
     */
    void send(ClientPrincipal.Bearer caller, VerificationMethod method, String userAgent, String ipAddress);

    /** The code against the action's newest open challenge of {@code method} (or a recovery code). */
    Outcome check(ClientPrincipal.Bearer caller, VerificationMethod method, String code, String ipAddress);

    /**
     * @param accessToken   on success, the token the app validates (as the Client API returns it)
     * @param failureReason otherwise, e.g. {@code CODE_INVALID_OR_EXPIRED} or {@code MAX_ATTEMPTS_EXCEEDED}
     */
    record Outcome(boolean verified, String accessToken, String failureReason) {
    }
}
