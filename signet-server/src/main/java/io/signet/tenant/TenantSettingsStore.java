package io.signet.tenant;

import io.signet.store.Jdbc;
import java.util.Optional;

/** Storage of tenant settings; every method runs in the caller's transaction. */
interface TenantSettingsStore {
    /** The stored settings, or empty when the tenant never changed a setting (the defaults apply). */
    Optional<TenantSettings> find(Jdbc jdbc, String tenantId);

    /** Inserts or replaces the tenant's settings. */
    void save(Jdbc jdbc, String tenantId, TenantSettings settings, long now);
}
