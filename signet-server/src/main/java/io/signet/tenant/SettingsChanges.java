package io.signet.tenant;

/** Body of {@code PATCH /admin/v1/settings}: a null component leaves that setting as it is. */
record SettingsChanges(Boolean protectLastAuthenticator, Boolean recoveryCodesEnabled,
                       Boolean strictPhoneValidation, Boolean allowNestedCustomData) {

    TenantSettings applyTo(TenantSettings current) {
        return new TenantSettings(
                protectLastAuthenticator == null ? current.protectLastAuthenticator() : protectLastAuthenticator,
                recoveryCodesEnabled == null ? current.recoveryCodesEnabled() : recoveryCodesEnabled,
                strictPhoneValidation == null ? current.strictPhoneValidation() : strictPhoneValidation,
                allowNestedCustomData == null ? current.allowNestedCustomData() : allowNestedCustomData);
    }
}
