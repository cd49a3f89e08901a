package io.signet.session;

import io.signet.store.Database;
import io.signet.store.Row;
import java.util.List;
import java.util.Optional;

/** {@link SigningKeyStore} on SQLite or PostgreSQL. */
public final class JdbcSigningKeyStore implements SigningKeyStore {
    private static final String COLUMNS = "tenant_id, key_id, public_jwk, private_sealed, created_at, retired_at";

    private final Database db;

    public JdbcSigningKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<StoredKey> active(String tenantId) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT " + COLUMNS + " FROM signing_keys WHERE tenant_id = ? AND retired_at IS NULL",
                JdbcSigningKeyStore::map, tenantId));
    }

    @Override
    public Optional<StoredKey> find(String tenantId, String keyId) {
        return db.read(jdbc -> jdbc.queryOne(
                "SELECT " + COLUMNS + " FROM signing_keys WHERE tenant_id = ? AND key_id = ?",
                JdbcSigningKeyStore::map, tenantId, keyId));
    }

    @Override
    public List<StoredKey> verifying(String tenantId, long retiredAfter) {
        return db.read(jdbc -> jdbc.query("SELECT " + COLUMNS + " FROM signing_keys"
                        + " WHERE tenant_id = ? AND (retired_at IS NULL OR retired_at > ?)"
                        + " ORDER BY created_at DESC, key_id DESC",
                JdbcSigningKeyStore::map, tenantId, retiredAfter));
    }

    @Override
    public void insertActive(StoredKey k, boolean retireCurrent) {
        db.write(jdbc -> {
            if (retireCurrent) {
                jdbc.update("UPDATE signing_keys SET retired_at = ? WHERE tenant_id = ? AND retired_at IS NULL",
                        k.createdAt(), k.tenantId());
            }
            return jdbc.update("INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL)",
                    k.tenantId(), k.keyId(), k.publicJwk(), k.privateSealed(), k.createdAt());
        });
    }

    private static StoredKey map(Row r) {
        return new StoredKey(r.string("tenant_id"), r.string("key_id"), r.string("public_jwk"),
                r.string("private_sealed"), r.longValue("created_at"), r.nullableLong("retired_at"));
    }
}
