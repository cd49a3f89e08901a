package io.signet.tenant;

import io.signet.error.SignetException;
import java.util.LinkedHashSet;
import java.util.List;

/** Body of {@code PATCH /admin/v1/settings}: a null component leaves that setting as it is. */
record SettingsChanges(Boolean protectLastAuthenticator, Boolean recoveryCodesEnabled,
                       Boolean strictPhoneValidation, Boolean allowNestedCustomData, String rpId, String rpName,
                       List<String> expectedOrigins, Boolean allowWeakTotp) {

    /** The changed settings, every given value validated (400 naming the field) and normalised. */
    TenantSettings applyTo(TenantSettings current) {
        try {
            return new TenantSettings(
                    protectLastAuthenticator == null ? current.protectLastAuthenticator() : protectLastAuthenticator,
                    recoveryCodesEnabled == null ? current.recoveryCodesEnabled() : recoveryCodesEnabled,
                    strictPhoneValidation == null ? current.strictPhoneValidation() : strictPhoneValidation,
                    allowNestedCustomData == null ? current.allowNestedCustomData() : allowNestedCustomData,
                    rpId == null ? current.rpId() : Origins.rpId(rpId),
                    rpName == null ? current.rpName() : Origins.rpName(rpName),
                    expectedOrigins == null ? current.expectedOrigins() : origins(expectedOrigins),
                    allowWeakTotp == null ? current.allowWeakTotp() : allowWeakTotp);
        } catch (IllegalArgumentException e) {
            throw SignetException.invalid(e.getMessage());
        }
    }

    private static List<String> origins(List<String> given) {
        if (given.isEmpty() || given.size() > Origins.MAX_ORIGINS) {
            throw new IllegalArgumentException("'expectedOrigins' must list 1 to " + Origins.MAX_ORIGINS
                    + " origins.");
        }
        return List.copyOf(new LinkedHashSet<>(given.stream().map(Origins::origin).toList()));
    }
}
