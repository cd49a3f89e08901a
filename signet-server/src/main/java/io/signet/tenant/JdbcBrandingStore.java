package io.signet.tenant;

import io.signet.store.Jdbc;
import io.signet.store.Row;
import java.util.Optional;

/** {@link BrandingStore} on SQLite or PostgreSQL. */
public final class JdbcBrandingStore implements BrandingStore {
    @Override
    public Optional<Branding> find(Jdbc jdbc, String tenantId) {
        return jdbc.queryOne("""
                SELECT display_name, primary_color, logo_type, logo_base64
                  FROM tenant_branding WHERE tenant_id = ?""", JdbcBrandingStore::branding, tenantId);
    }

    @Override
    public void save(Jdbc jdbc, String tenantId, Branding b, long now) {
        jdbc.update("""
                INSERT INTO tenant_branding (tenant_id, display_name, primary_color, logo_type, logo_base64, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    display_name = excluded.display_name,
                    primary_color = excluded.primary_color,
                    logo_type = excluded.logo_type,
                    logo_base64 = excluded.logo_base64,
                    updated_at = excluded.updated_at""",
                tenantId, b.displayName(), b.primaryColor(), b.logo() == null ? null : b.logo().contentType(),
                b.logo() == null ? null : b.logo().base64(), now);
    }

    private static Branding branding(Row row) {
        String type = row.string("logo_type");
        return new Branding(row.string("display_name"), row.string("primary_color"),
                type == null ? null : new Branding.Logo(type, row.string("logo_base64")));
    }
}
