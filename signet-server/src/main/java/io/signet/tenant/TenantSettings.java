package io.signet.tenant;

import java.util.List;

/**
 * Per-tenant behaviour beyond the Authsignal contract. Defaults keep the SDK-visible behaviour of
 * Authsignal: deleting a user's last authenticator is allowed, recovery codes are issued.
 *
 * @param protectLastAuthenticator deleting a user's last authenticator fails with 409 unless the request
 *                                 explicitly overrides it (lockout protection)
 * @param recoveryCodesEnabled     a user's first enrollment returns recovery codes
 * @param rpId                     Client API relying-party id as set, or null for the default
 * @param rpName                   relying-party name as set, or null for the default (the tenant name)
 * @param expectedOrigins          browser origins as set, or null for the default; see {@link ClientSettings}
 */
public record TenantSettings(boolean protectLastAuthenticator, boolean recoveryCodesEnabled, String rpId,
                             String rpName, List<String> expectedOrigins) {
    public static final TenantSettings DEFAULTS = new TenantSettings(false, true, null, null, null);

    public TenantSettings {
        expectedOrigins = expectedOrigins == null ? null : List.copyOf(expectedOrigins);
    }
}
