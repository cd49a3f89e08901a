package io.signet.session;

import java.util.List;
import java.util.Optional;

/**
 * Storage of per-tenant signing keys. Keys are immutable once inserted except for {@code retiredAt}, which
 * is set once when a newer key takes over. An interface so {@link SigningKeys} reads as logic;
 * {@link JdbcSigningKeyStore} serves both dialects.
 */
public interface SigningKeyStore {
    /** A stored key: the public JWK as JSON and the sealed private JWK. */
    record StoredKey(String tenantId, String keyId, String publicJwk, String privateSealed, long createdAt,
                     Long retiredAt) {
    }

    /** The tenant's active key (not retired), if it has one. */
    Optional<StoredKey> active(String tenantId);

    /** The key with this id in this tenant, retired or not. */
    Optional<StoredKey> find(String tenantId, String keyId);

    /** Keys that are active or were retired after {@code retiredAfter}, newest first. */
    List<StoredKey> verifying(String tenantId, long retiredAfter);

    /**
     * Inserts {@code key} as the tenant's only active key, retiring the current one when {@code retireCurrent}.
     * Throws {@link io.signet.store.DuplicateKeyException} when another active key appeared meanwhile.
     */
    void insertActive(StoredKey key, boolean retireCurrent);
}
