package io.signet.tenant;

import io.signet.store.Database;
import io.signet.store.Dialect;
import io.signet.store.Jdbc;
import io.signet.store.Row;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;

/** {@link TenantStore} on SQLite or PostgreSQL. */
public final class JdbcTenantStore implements TenantStore {
    private static final String ACTIVE = "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final Database db;

    public JdbcTenantStore(Database db) {
        this.db = db;
    }

    @Override
    public void create(Tenant tenant, NewKey key, AuditEvent audit) {
        db.write(jdbc -> {
            jdbc.update("INSERT INTO tenants (tenant_id, name, created_at) VALUES (?, ?, ?)",
                    tenant.tenantId(), tenant.name(), tenant.createdAt());
            insertKey(jdbc, tenant.tenantId(), key, tenant.createdAt());
            return insertAudit(jdbc, audit);
        });
    }

    private static int insertKey(Jdbc jdbc, String tenantId, NewKey key, long now) {
        return jdbc.update("""
                INSERT INTO tenant_keys (tenant_id, key_id, key_hash, key_prefix, key_sealed, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", tenantId, key.keyId(), key.hash(), key.prefix(), key.sealed(), now);
    }

    private static int insertAudit(Jdbc jdbc, AuditEvent e) {
        return jdbc.update("""
                INSERT INTO audit_events (audit_id, tenant_id, actor, address, action, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", e.auditId(), e.tenantId(), e.actor(), e.address(), e.action(),
                Json.write(e.details()), e.createdAt());
    }

    @Override
    public Optional<KeyOwner> keyForHash(String keyHash) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id, key_id, expires_at FROM tenant_keys WHERE key_hash = ? AND revoked_at IS NULL",
                row -> new KeyOwner(row.string("tenant_id"), row.string("key_id"), row.nullableLong("expires_at")),
                keyHash));
    }

    @Override
    public List<SealedKey> activeSealedKeys(String tenantId, long now) {
        return db.read(jdbc -> jdbc.query("SELECT key_id, key_sealed FROM tenant_keys WHERE tenant_id = ? AND "
                        + ACTIVE + " ORDER BY created_at DESC, key_id DESC",
                row -> new SealedKey(row.string("key_id"), row.string("key_sealed")), tenantId, now));
    }

    @Override
    public long count() {
        return db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM tenants WHERE tenant_id <> ?",
                TenantService.OPERATOR_REALM));
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id, name, created_at FROM tenants WHERE tenant_id = ?", JdbcTenantStore::tenant,
                tenantId));
    }

    @Override
    public List<Tenant> list() {
        return db.read(jdbc -> jdbc.query(
                "SELECT tenant_id, name, created_at FROM tenants WHERE tenant_id <> ? ORDER BY created_at, tenant_id",
                JdbcTenantStore::tenant, TenantService.OPERATOR_REALM));
    }

    private static Tenant tenant(Row row) {
        return new Tenant(row.string("tenant_id"), row.string("name"), row.longValue("created_at"));
    }

    @Override
    public boolean rename(String tenantId, String name, AuditEvent audit) {
        return db.write(jdbc -> {
            if (jdbc.update("UPDATE tenants SET name = ? WHERE tenant_id = ?", name, tenantId) == 0) {
                return false;
            }
            insertAudit(jdbc, audit);
            return true;
        });
    }

    @Override
    public boolean delete(String tenantId, AuditEvent audit) {
        return db.write(jdbc -> {
            if (jdbc.queryOne("SELECT tenant_id FROM tenants WHERE tenant_id = ?" + jdbc.dialect().forUpdate(),
                    row -> row.string("tenant_id"), tenantId).isEmpty()) {
                return false;
            }
            // The tenants row first: its ON DELETE CASCADE removes children in dependency order; the sweep
            // then covers any table without such a foreign key. A table whose foreign key forbids the
            // delete fails the whole transaction rather than leave half a tenant behind.
            jdbc.update("DELETE FROM tenants WHERE tenant_id = ?", tenantId);
            for (String table : tablesWithTenantId(jdbc)) {
                jdbc.update("DELETE FROM " + table + " WHERE tenant_id = ?", tenantId);
            }
            insertAudit(jdbc, audit);
            return true;
        });
    }

    /** Every table with a {@code tenant_id} column, read from the schema. */
    private static List<String> tablesWithTenantId(Jdbc jdbc) {
        String sql = jdbc.dialect() == Dialect.SQLITE
                ? """
                  SELECT m.name AS table_name FROM sqlite_master m, pragma_table_info(m.name) c
                   WHERE m.type = 'table' AND c.name = 'tenant_id' ORDER BY m.name"""
                : """
                  SELECT table_name FROM information_schema.columns
                   WHERE table_schema = current_schema() AND column_name = 'tenant_id' ORDER BY table_name""";
        List<String> tables = new ArrayList<>();
        for (String t : jdbc.query(sql, row -> row.string("table_name"))) {
            if (!TABLE_NAME.matcher(t).matches()) {
                throw new IllegalStateException("unexpected table name in the schema: " + t);
            }
            tables.add(t);
        }
        return tables;
    }

    @Override
    public List<SecretKeyInfo> keys(String tenantId, long now) {
        return db.read(jdbc -> jdbc.query("""
                SELECT key_id, key_prefix, created_at, last_used_at, expires_at, revoked_at FROM tenant_keys
                 WHERE tenant_id = ? ORDER BY created_at DESC, key_id DESC""", row -> {
                    Long expiresAt = row.nullableLong("expires_at");
                    Long revokedAt = row.nullableLong("revoked_at");
                    return new SecretKeyInfo(row.string("key_id"), row.string("key_prefix"),
                            row.longValue("created_at"), row.nullableLong("last_used_at"), expiresAt, revokedAt,
                            revokedAt == null && (expiresAt == null || expiresAt > now));
                }, tenantId));
    }

    @Override
    public Rotation rotate(String tenantId, NewKey key, Long oldKeysExpireAt, int maxActive, long now,
                           AuditEvent audit) {
        return db.write(jdbc -> {
            // The tenant row lock serializes concurrent rotations on PostgreSQL (SQLite has one writer).
            if (jdbc.queryOne("SELECT tenant_id FROM tenants WHERE tenant_id = ?" + jdbc.dialect().forUpdate(),
                    row -> row.string("tenant_id"), tenantId).isEmpty()) {
                return Rotation.NO_TENANT;
            }
            long active = jdbc.count("SELECT COUNT(*) AS n FROM tenant_keys WHERE tenant_id = ? AND " + ACTIVE,
                    tenantId, now);
            if (active >= maxActive) {
                return Rotation.TOO_MANY_KEYS;
            }
            if (oldKeysExpireAt != null) {
                jdbc.update("UPDATE tenant_keys SET expires_at = ? WHERE tenant_id = ? AND " + ACTIVE
                        + " AND (expires_at IS NULL OR expires_at > ?)", oldKeysExpireAt, tenantId, now,
                        oldKeysExpireAt);
            }
            insertKey(jdbc, tenantId, key, now);
            insertAudit(jdbc, audit);
            return Rotation.ROTATED;
        });
    }

    @Override
    public Revocation revoke(String tenantId, String keyId, long now, AuditEvent audit) {
        return db.write(jdbc -> {
            if (jdbc.queryOne("SELECT tenant_id FROM tenants WHERE tenant_id = ?" + jdbc.dialect().forUpdate(),
                    row -> row.string("tenant_id"), tenantId).isEmpty()) {
                return Revocation.NOT_FOUND;
            }
            Optional<Boolean> active = jdbc.queryOne("SELECT CASE WHEN " + ACTIVE
                            + " THEN 1 ELSE 0 END AS active FROM tenant_keys WHERE tenant_id = ? AND key_id = ?",
                    row -> row.intValue("active") == 1, now, tenantId, keyId);
            if (active.isEmpty()) {
                return Revocation.NOT_FOUND;
            }
            if (!active.get()) {
                return Revocation.NOT_ACTIVE;
            }
            if (jdbc.count("SELECT COUNT(*) AS n FROM tenant_keys WHERE tenant_id = ? AND " + ACTIVE,
                    tenantId, now) <= 1) {
                return Revocation.LAST_ACTIVE_KEY;
            }
            jdbc.update("UPDATE tenant_keys SET revoked_at = ? WHERE tenant_id = ? AND key_id = ?", now, tenantId,
                    keyId);
            insertAudit(jdbc, audit);
            return Revocation.REVOKED;
        });
    }

    @Override
    public void recordUse(String keyId, long now) {
        db.write(jdbc -> jdbc.update("""
                UPDATE tenant_keys SET last_used_at = ?
                 WHERE key_id = ? AND (last_used_at IS NULL OR last_used_at < ?)""", now, keyId, now));
    }

    @Override
    public void record(AuditEvent audit) {
        db.write(jdbc -> insertAudit(jdbc, audit));
    }

    @Override
    public List<AuditEvent> audit(String tenantId, String before, int limit) {
        return auditWhere("tenant_id = ?", List.of(tenantId), before, limit);
    }

    @Override
    public List<AuditEvent> auditByActor(String actorPrefix, String before, int limit) {
        // A range instead of LIKE: the prefix may hold '_' or '%', and the range uses the actor index.
        return auditWhere("actor >= ? AND actor < ?", List.of(actorPrefix, actorPrefix + Character.MAX_VALUE),
                before, limit);
    }

    private List<AuditEvent> auditWhere(String condition, List<Object> filter, String before, int limit) {
        List<Object> params = new ArrayList<>(filter);
        if (before != null) {
            params.add(before);
        }
        params.add(limit);
        String page = before == null ? "" : " AND audit_id < ?";
        return db.read(jdbc -> jdbc.query("""
                SELECT audit_id, tenant_id, actor, address, action, details, created_at FROM audit_events
                 WHERE\s""" + condition + page + " ORDER BY audit_id DESC LIMIT ?",
                row -> new AuditEvent(row.string("audit_id"), row.string("tenant_id"), row.string("actor"),
                        row.string("address"), row.string("action"),
                        Json.MAPPER.readValue(row.string("details"), DETAILS), row.longValue("created_at")),
                params.toArray()));
    }
}
