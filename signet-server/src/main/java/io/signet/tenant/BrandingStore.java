package io.signet.tenant;

import io.signet.store.Jdbc;
import java.util.Optional;

/** Storage of tenant branding ({@code tenant_branding}); every method runs in the caller's transaction. */
public interface BrandingStore {
    /** The stored branding, or empty when the tenant never set any. */
    Optional<Branding> find(Jdbc jdbc, String tenantId);

    /** Inserts or replaces the tenant's branding. */
    void save(Jdbc jdbc, String tenantId, Branding branding, long now);
}
