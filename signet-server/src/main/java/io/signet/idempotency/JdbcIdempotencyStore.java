package io.signet.idempotency;

import io.signet.crypto.Encryptor;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import java.util.function.Supplier;

/**
 * {@link IdempotencyStore} in the {@code idempotency_records} table. Recorded answers carry secrets (recovery
 * codes, refresh, access and action tokens), so they are stored sealed with the data key, bound to their tenant
 * and key; a record written in plaintext by an older version is still replayed until it expires.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    private final Database db;
    private final Encryptor encryptor;

    public JdbcIdempotencyStore(Database db, Encryptor encryptor) {
        this.db = db;
        this.encryptor = encryptor;
    }

    @Override
    public Claim claim(String tenantId, String key, String requestHash, long now, long expiresAt,
                       long abandonedBefore) {
        return db.write(jdbc -> {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_records (tenant_id, idempotency_key, request_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""",
                    tenantId, key, requestHash, now, expiresAt);
            if (inserted == 1) {
                return new Claimed();
            }
            int retaken = jdbc.update("""
                    UPDATE idempotency_records
                       SET request_hash = ?, status_code = NULL, response_body = NULL, created_at = ?, expires_at = ?
                     WHERE tenant_id = ? AND idempotency_key = ?
                       AND (expires_at < ? OR (status_code IS NULL AND created_at < ?))""",
                    requestHash, now, expiresAt, tenantId, key, now, abandonedBefore);
            if (retaken == 1) {
                return new Claimed();
            }
            return jdbc.queryOne("""
                    SELECT request_hash, status_code, response_body FROM idempotency_records
                     WHERE tenant_id = ? AND idempotency_key = ?""",
                    row -> {
                        if (!row.string("request_hash").equals(requestHash)) {
                            return (Claim) new Mismatch();
                        }
                        Long status = row.nullableLong("status_code");
                        return status == null ? new InProgress()
                                : new Replay(status.intValue(), open(tenantId, key, row.string("response_body")));
                    },
                    tenantId, key).orElseGet(InProgress::new);
        });
    }

    @Override
    public Answer runAndRecord(String tenantId, String key, Supplier<Answer> request) {
        try {
            return db.writeAsOne(jdbc -> {
                Answer answer = request.get();
                if (answer.replayable()) {
                    jdbc.update("""
                            UPDATE idempotency_records SET status_code = ?, response_body = ?
                             WHERE tenant_id = ? AND idempotency_key = ?""", answer.status(),
                            encryptor.encrypt(answer.body(), associatedData(tenantId, key)), tenantId, key);
                } else {
                    release(jdbc, tenantId, key);
                }
                return answer;
            });
        } catch (RuntimeException | Error e) {
            db.write(jdbc -> release(jdbc, tenantId, key)); // nothing was done: let a retry run the request
            throw e;
        }
    }

    private static int release(Jdbc jdbc, String tenantId, String key) {
        return jdbc.update(
                "DELETE FROM idempotency_records WHERE tenant_id = ? AND idempotency_key = ? AND status_code IS NULL",
                tenantId, key);
    }

    @Override
    public int purgeExpired(long now) {
        return db.write(jdbc -> jdbc.update("DELETE FROM idempotency_records WHERE expires_at < ?", now));
    }

    private String open(String tenantId, String key, String stored) {
        return Encryptor.isSealed(stored) ? encryptor.decrypt(stored, associatedData(tenantId, key)) : stored;
    }

    /** Binds a sealed answer to its record: copied to another tenant's or key's row it does not open. */
    private static String associatedData(String tenantId, String key) {
        return "idempotency:" + tenantId + ":" + key;
    }
}
