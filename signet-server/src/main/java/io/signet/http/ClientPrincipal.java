package io.signet.http;

/**
 * Who is calling a {@code /v1/client/*} route, decided once by {@link ClientEdge}: a browser or app holding
 * an action token (Bearer), or one naming only its tenant with the public tenant id (tenant Basic,
 * authsignal-client-api.md §2.2). The secret key is never a client principal.
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

        public boolean hasScope(String wanted) {
            return scope != null && java.util.Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
        }
    }

    /** Only the public tenant id: anonymous passkey sign-in and lookups. */
    record Tenant(String tenantId) implements ClientPrincipal {
    }
}
