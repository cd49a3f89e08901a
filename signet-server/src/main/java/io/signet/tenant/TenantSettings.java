package io.signet.tenant;

import java.util.List;

/**
 * Per-tenant behaviour beyond the Authsignal contract. Defaults keep the SDK-visible behaviour of
 * Authsignal: deleting a user's last authenticator is allowed, recovery codes are issued, any phone number
 * in E.164 form is taken; and keep every record readable by the official SDKs (no nested user custom data).
 *
 * @param protectLastAuthenticator deleting a user's last authenticator fails with 409 unless the request
 *                                 explicitly overrides it (lockout protection)
 * @param recoveryCodesEnabled     a user's first enrollment returns recovery codes
 * @param strictPhoneValidation    phone numbers stored on users and authenticators must also be valid
 *                                 numbers of their country (libphonenumber), not just E.164 in form
 * @param allowNestedCustomData    a user's {@code custom} may hold objects and arrays, which the official
 *                                 Java and .NET SDKs cannot read (they read it as a map of strings)
 * @param rpId                     Client API relying-party id as set, or null for the default
 * @param rpName                   relying-party name as set, or null for the default (the tenant name)
 * @param expectedOrigins          browser origins as set, or null for the default; see {@link ClientSettings}
 * @param allowWeakTotp            imported authenticator-app secrets under 112 bits or periods over 60 s are
 *                                 accepted with a warning instead of refused (for migrations)
 */
public record TenantSettings(boolean protectLastAuthenticator, boolean recoveryCodesEnabled,
                             boolean strictPhoneValidation, boolean allowNestedCustomData, String rpId,
                             String rpName, List<String> expectedOrigins, boolean allowWeakTotp) {
    public static final TenantSettings DEFAULTS = new TenantSettings(false, true, false, false, null, null, null, false);

    public TenantSettings {
        expectedOrigins = expectedOrigins == null ? null : List.copyOf(expectedOrigins);
    }
}
