package io.signet.tenant;

import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.wire.Json;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** {@link TenantSettingsStore} on SQLite or PostgreSQL. */
public final class JdbcTenantSettingsStore implements TenantSettingsStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public Optional<TenantSettings> find(Jdbc jdbc, String tenantId) {
        return jdbc.queryOne("""
                SELECT protect_last_authenticator, recovery_codes_enabled, strict_phone_validation,
                       allow_nested_custom_data, rp_id, rp_name, expected_origins, allow_weak_totp
                  FROM tenant_settings WHERE tenant_id = ?""",
                JdbcTenantSettingsStore::settings, tenantId);
    }

    @Override
    public List<TenantRow> all(Jdbc jdbc) {
        return jdbc.query("""
                SELECT t.tenant_id, t.name, s.tenant_id AS has_settings, s.protect_last_authenticator,
                       s.recovery_codes_enabled, s.strict_phone_validation,
                       s.allow_nested_custom_data, s.rp_id, s.rp_name, s.expected_origins, s.allow_weak_totp
                  FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.tenant_id
                 ORDER BY t.tenant_id""", JdbcTenantSettingsStore::tenantRow);
    }

    @Override
    public Optional<TenantRow> tenant(Jdbc jdbc, String tenantId) {
        return jdbc.queryOne("""
                SELECT t.tenant_id, t.name, s.tenant_id AS has_settings, s.protect_last_authenticator,
                       s.recovery_codes_enabled, s.strict_phone_validation,
                       s.allow_nested_custom_data, s.rp_id, s.rp_name, s.expected_origins, s.allow_weak_totp
                  FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.tenant_id
                 WHERE t.tenant_id = ?""", JdbcTenantSettingsStore::tenantRow, tenantId);
    }

    @Override
    public void save(Jdbc jdbc, String tenantId, TenantSettings settings, long now) {
        jdbc.update("""
                INSERT INTO tenant_settings (tenant_id, protect_last_authenticator, recovery_codes_enabled,
                                             strict_phone_validation, allow_nested_custom_data, rp_id, rp_name,
                                             expected_origins, allow_weak_totp, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    protect_last_authenticator = excluded.protect_last_authenticator,
                    recovery_codes_enabled = excluded.recovery_codes_enabled,
                    strict_phone_validation = excluded.strict_phone_validation,
                    allow_nested_custom_data = excluded.allow_nested_custom_data,
                    rp_id = excluded.rp_id,
                    rp_name = excluded.rp_name,
                    expected_origins = excluded.expected_origins,
                    allow_weak_totp = excluded.allow_weak_totp,
                    updated_at = excluded.updated_at""",
                tenantId, settings.protectLastAuthenticator(), settings.recoveryCodesEnabled(),
                settings.strictPhoneValidation(), settings.allowNestedCustomData(), settings.rpId(),
                settings.rpName(), settings.expectedOrigins() == null ? null : Json.write(settings.expectedOrigins()),
                settings.allowWeakTotp(), now);
    }

    private static TenantSettings settings(Row row) {
        String origins = row.string("expected_origins");
        return new TenantSettings(row.bool("protect_last_authenticator"), row.bool("recovery_codes_enabled"),
                row.bool("strict_phone_validation"), row.bool("allow_nested_custom_data"), row.string("rp_id"), row.string("rp_name"),
                origins == null ? null : Json.MAPPER.readValue(origins, STRINGS), row.bool("allow_weak_totp"));
    }

    private static TenantRow tenantRow(Row row) {
        return new TenantRow(row.string("tenant_id"), row.string("name"),
                row.string("has_settings") == null ? TenantSettings.DEFAULTS : settings(row));
    }
}
