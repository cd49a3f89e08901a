package io.signet.caller;

import io.signet.error.ErrorCode;
import io.signet.error.SignetException;

/**
 * Who is calling a {@code /v1/client/*} route, decided once by {@link ClientEdge}: a browser or app holding
 * an action token (Bearer), or one naming only its tenant with the public tenant id (tenant Basic,
 * docs/client-api.md §2.2 "Authentication"). The secret key is never a client principal.
 */
public sealed interface ClientPrincipal {
    String tenantId();

    /**
     * A verified, unexpired action token (the track token or an {@code accessToken} a client verify
     * returned). The fields mirror the action feature's token claims, so {@code http} stays free of it.
     *
     * @param scope     space-separated scopes, or null
     * @param expiresAt epoch seconds
     */
    record Bearer(String tenantId, String userId, String actionCode, String idempotencyKey, String scope,
                  long expiresAt) implements ClientPrincipal {

        /** The scope that lets a token enroll a factor for a user who already has one (§2.2). */
        public static final String ADD_AUTHENTICATORS = "add:authenticators";

        public boolean hasScope(String wanted) {
            return scope != null && java.util.Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
        }

        /**
         * The one enrollment rule of the Client API (docs/client-api.md §2.2 "Authentication"): adding a factor for a user
         * who already has a verified authenticator needs {@value #ADD_AUTHENTICATORS}, else 403; otherwise
         * anyone holding a token for a low-risk action could add their own factor to the account.
         */
        public void requireMayEnroll(boolean userHasVerifiedAuthenticator) {
            if (userHasVerifiedAuthenticator && !hasScope(ADD_AUTHENTICATORS)) {
                throw new SignetException(ErrorCode.FORBIDDEN, "The user already has an authenticator, so adding "
                        + "one needs a token with the scope '" + ADD_AUTHENTICATORS + "': track with that scope, or "
                        + "use the accessToken of a completed challenge.");
            }
        }
    }

    /** Only the public tenant id: anonymous passkey sign-in and lookups. */
    record Tenant(String tenantId) implements ClientPrincipal {
    }
}
