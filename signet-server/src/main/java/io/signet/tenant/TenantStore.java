package io.signet.tenant;

import java.util.Optional;

/** Storage of tenants and their hashed secret keys. */
public interface TenantStore {
    /** Inserts a tenant and its first key (hashed for lookup, sealed for signing) in one transaction. */
    void create(Tenant tenant, String keyId, String keyHash, String keyPrefix, String keySealed);

    /** Sealed secret keys of the tenant that are not revoked, newest first. */
    java.util.List<SealedKey> activeSealedKeys(String tenantId);

    /** A secret key as stored for signing: its id (part of the encryption context) and ciphertext. */
    record SealedKey(String keyId, String sealed) {
    }

    /** The tenant owning the active key with this hash. */
    Optional<String> tenantIdForKeyHash(String keyHash);

    /** Number of tenants; zero on a fresh database. */
    long count();

    /** The tenant with this id. */
    Optional<Tenant> find(String tenantId);
}
