package io.signet.tenant;

import java.util.Optional;

/** Storage of tenants and their hashed secret keys. */
public interface TenantStore {
    /** Inserts a tenant and its first key (by hash) in one transaction. */
    void create(Tenant tenant, String keyId, String keyHash, String keyPrefix);

    /** The tenant owning the active key with this hash. */
    Optional<String> tenantIdForKeyHash(String keyHash);

    /** Number of tenants; zero on a fresh database. */
    long count();

    /** The tenant with this id. */
    Optional<Tenant> find(String tenantId);
}
