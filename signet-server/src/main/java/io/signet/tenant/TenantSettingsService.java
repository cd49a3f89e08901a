package io.signet.tenant;

import io.signet.store.Database;
import io.signet.store.Jdbc;
import java.time.Clock;

/** Reads and changes a tenant's {@link TenantSettings}. Thread-safe: holds no mutable state. */
public final class TenantSettingsService {
    private final Database db;
    private final TenantSettingsStore store = new JdbcTenantSettingsStore();
    private final Clock clock;

    public TenantSettingsService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public TenantSettings get(String tenantId) {
        return db.read(jdbc -> get(jdbc, tenantId));
    }

    /** The settings as the caller's transaction sees them, so a decision and its write agree. */
    public TenantSettings get(Jdbc jdbc, String tenantId) {
        return store.find(jdbc, tenantId).orElse(TenantSettings.DEFAULTS);
    }

    TenantSettings update(String tenantId, SettingsChanges changes) {
        return db.write(jdbc -> {
            TenantSettings updated = changes.applyTo(get(jdbc, tenantId));
            store.save(jdbc, tenantId, updated, clock.millis());
            return updated;
        });
    }
}
