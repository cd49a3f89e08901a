package io.signet.tenant;

import io.signet.store.Jdbc;
import java.util.List;
import java.util.Optional;

/** Storage of tenant settings; every method runs in the caller's transaction. */
public interface TenantSettingsStore {
    /** A tenant's name with its settings (the defaults when it never changed one). */
    record TenantRow(String tenantId, String name, TenantSettings settings) {
    }

    /** The stored settings, or empty when the tenant never changed a setting (the defaults apply). */
    Optional<TenantSettings> find(Jdbc jdbc, String tenantId);

    /** The tenant and its settings, or empty when no tenant has this id. */
    Optional<TenantRow> tenant(Jdbc jdbc, String tenantId);

    /** Every tenant with its settings. */
    List<TenantRow> all(Jdbc jdbc);

    /** Inserts or replaces the tenant's settings. */
    void save(Jdbc jdbc, String tenantId, TenantSettings settings, long now);
}
