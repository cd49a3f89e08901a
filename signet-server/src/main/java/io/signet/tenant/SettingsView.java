package io.signet.tenant;

import java.util.List;

/**
 * {@code GET/PATCH /admin/v1/settings} answer: the behaviour settings, and the Client API identity as it
 * applies (defaults resolved), with the public tenant id a browser page configures the SDK with.
 */
record SettingsView(String tenantId, boolean protectLastAuthenticator, boolean recoveryCodesEnabled,
                    boolean strictPhoneValidation, boolean allowNestedCustomData, String rpId, String rpName,
                    List<String> expectedOrigins, boolean anyLocalhostPort, boolean allowWeakTotp) {

    static SettingsView of(TenantSettings s, ClientSettings c) {
        return new SettingsView(c.tenantId(), s.protectLastAuthenticator(), s.recoveryCodesEnabled(),
                s.strictPhoneValidation(), s.allowNestedCustomData(), c.rpId(),
                c.rpName(), c.expectedOrigins(), c.anyLocalhostPort(), s.allowWeakTotp());
    }
}
