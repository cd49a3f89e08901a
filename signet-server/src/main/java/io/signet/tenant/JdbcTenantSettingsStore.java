package io.signet.tenant;

import io.signet.store.Jdbc;
import java.util.Optional;

/** {@link TenantSettingsStore} on SQLite or PostgreSQL. */
final class JdbcTenantSettingsStore implements TenantSettingsStore {

    @Override
    public Optional<TenantSettings> find(Jdbc jdbc, String tenantId) {
        return jdbc.queryOne("""
                SELECT protect_last_authenticator, recovery_codes_enabled, strict_phone_validation,
                       allow_nested_custom_data
                  FROM tenant_settings WHERE tenant_id = ?""",
                row -> new TenantSettings(row.bool("protect_last_authenticator"), row.bool("recovery_codes_enabled"),
                        row.bool("strict_phone_validation"), row.bool("allow_nested_custom_data")),
                tenantId);
    }

    @Override
    public void save(Jdbc jdbc, String tenantId, TenantSettings settings, long now) {
        jdbc.update("""
                INSERT INTO tenant_settings (tenant_id, protect_last_authenticator, recovery_codes_enabled,
                                             strict_phone_validation, allow_nested_custom_data, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    protect_last_authenticator = excluded.protect_last_authenticator,
                    recovery_codes_enabled = excluded.recovery_codes_enabled,
                    strict_phone_validation = excluded.strict_phone_validation,
                    allow_nested_custom_data = excluded.allow_nested_custom_data,
                    updated_at = excluded.updated_at""",
                tenantId, settings.protectLastAuthenticator(), settings.recoveryCodesEnabled(),
                settings.strictPhoneValidation(), settings.allowNestedCustomData(), now);
    }
}
