package io.signet.tenant;

/**
 * Per-tenant behaviour beyond the Authsignal contract. Defaults keep the SDK-visible behaviour of
 * Authsignal: deleting a user's last authenticator is allowed, recovery codes are issued.
 *
 * @param protectLastAuthenticator deleting a user's last authenticator fails with 409 unless the request
 *                                 explicitly overrides it (lockout protection)
 * @param recoveryCodesEnabled     a user's first enrollment returns recovery codes
 */
public record TenantSettings(boolean protectLastAuthenticator, boolean recoveryCodesEnabled) {
    public static final TenantSettings DEFAULTS = new TenantSettings(false, true);
}
