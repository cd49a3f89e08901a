package io.signet.passkey;

import java.util.Arrays;

/**
 * Who is calling a Client API passkey endpoint: a token holder (Bearer), or anyone naming the tenant (tenant
 * Basic). The Bearer fields are the checked action token's claims.
 */
public sealed interface Caller {
    String tenantId();

    /**
     * @param scope     space-separated scopes, or null
     * @param expiresAt epoch seconds
     */
    record Bearer(String tenantId, String userId, String actionCode, String idempotencyKey, String scope,
                  long expiresAt) implements Caller {

        boolean hasScope(String wanted) {
            return scope != null && Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
        }
    }

    /** Tenant Basic: an anonymous page, before any user is known. */
    record Anonymous(String tenantId) implements Caller {
    }
}
