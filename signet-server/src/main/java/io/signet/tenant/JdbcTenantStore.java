package io.signet.tenant;

import io.signet.store.Database;
import java.util.Optional;

/** {@link TenantStore} on SQLite or PostgreSQL. */
final class JdbcTenantStore implements TenantStore {
    private final Database db;

    JdbcTenantStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(Tenant tenant, String keyId, String keyHash, String keyPrefix, String keySealed) {
        db.write(jdbc -> {
            jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES (?, ?, ?)",
                    tenant.tenantId(), tenant.name(), tenant.createdAt());
            return jdbc.update("""
                    INSERT INTO tenant_keys (tenant_id, key_id, key_hash, key_prefix, key_sealed, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", tenant.tenantId(), keyId, keyHash, keyPrefix, keySealed,
                    tenant.createdAt());
        });
    }

    @Override
    public Optional<String> tenantIdForKeyHash(String keyHash) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id FROM tenant_keys WHERE key_hash = ? AND revoked_at IS NULL",
                row -> row.string("tenant_id"), keyHash));
    }

    @Override
    public java.util.List<SealedKey> activeSealedKeys(String tenantId) {
        return db.read(jdbc -> jdbc.query("""
                SELECT key_id, key_sealed FROM tenant_keys WHERE tenant_id = ? AND revoked_at IS NULL
                 ORDER BY created_at DESC, key_id DESC""",
                row -> new SealedKey(row.string("key_id"), row.string("key_sealed")), tenantId));
    }

    @Override
    public long count() {
        return db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM tenants"));
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id, name, created_at FROM tenants WHERE tenant_id = ?",
                row -> new Tenant(row.string("tenant_id"), row.string("name"), row.longValue("created_at")),
                tenantId));
    }
}
