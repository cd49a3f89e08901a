package io.signet.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Storage of tenants, their hashed secret keys and the audit log of both. Every change writes its
 * {@link AuditEvent} in the same transaction, so no change goes unrecorded.
 */
public interface TenantStore {
    /** Inserts a tenant and its first key (hashed for lookup, sealed for signing) in one transaction. */
    void create(Tenant tenant, NewKey key, AuditEvent audit);

    /** A key to store: its id, keyed hash (for lookup), first characters, and sealed value (for signing). */
    record NewKey(String keyId, String hash, String prefix, String sealed) {
    }

    /** Sealed secret keys of the tenant that are neither revoked nor expired at {@code now}, newest first. */
    List<SealedKey> activeSealedKeys(String tenantId, long now);

    /** A secret key as stored for signing: its id (part of the encryption context) and ciphertext. */
    record SealedKey(String keyId, String sealed) {
    }

    /** Who owns a not-revoked key: what authentication needs (expiry is checked by the caller). */
    record KeyOwner(String tenantId, String keyId, Long expiresAt) {
    }

    /** The owner of the not-revoked key with this hash. */
    Optional<KeyOwner> keyForHash(String keyHash);

    /** Number of tenants but the operator realm; zero on a fresh database. */
    long count();

    /** The tenant with this id. */
    Optional<Tenant> find(String tenantId);

    /** Every tenant but the operator realm, oldest first. */
    List<Tenant> list();

    /** Renames a tenant; false when there is none with this id. */
    boolean rename(String tenantId, String name, AuditEvent audit);

    /**
     * Deletes every row of the tenant in every table that has a {@code tenant_id} column, found from the
     * schema (so a table added later is covered), in one transaction; then records {@code audit}, the one row
     * that outlives the tenant. False when there is no such tenant.
     */
    boolean delete(String tenantId, AuditEvent audit);

    /** The tenant's keys, newest first, with {@code active} judged at {@code now}. */
    List<SecretKeyInfo> keys(String tenantId, long now);

    /** What a rotation did. */
    enum Rotation { ROTATED, NO_TENANT, TOO_MANY_KEYS }

    /**
     * Adds {@code key} when the tenant has fewer than {@code maxActive} active keys; gives the keys already
     * active the expiry {@code oldKeysExpireAt} when not null (an earlier expiry is kept).
     */
    Rotation rotate(String tenantId, NewKey key, Long oldKeysExpireAt, int maxActive, long now, AuditEvent audit);

    /** What a revocation did. */
    enum Revocation { REVOKED, NOT_FOUND, NOT_ACTIVE, LAST_ACTIVE_KEY }

    /** Revokes an active key unless it is the tenant's last active one. */
    Revocation revoke(String tenantId, String keyId, long now, AuditEvent audit);

    /** Records that a key authenticated at {@code now} (unless a later use is already recorded). */
    void recordUse(String keyId, long now);

    /** Records a change made elsewhere (in its own transaction). */
    void record(AuditEvent audit);

    /** The tenant's audit events, newest first; {@code before} (an audit id) pages back. */
    List<AuditEvent> audit(String tenantId, String before, int limit);

    /** Audit events whose actor starts with {@code actorPrefix}, across tenants, newest first. */
    List<AuditEvent> auditByActor(String actorPrefix, String before, int limit);
}
