package io.signet.tenant;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;

/**
 * Signet's own admin API for tenant settings (no Authsignal equivalent). Authenticated with the tenant's
 * secret key like {@code /v1}, by the filter on {@code /admin/*}.
 */
public final class TenantSettingsRoutes implements Routes {
    private final TenantSettingsService settings;
    private final java.util.Optional<TenantService> audit;

    /** Without an audit log of the changes (tests of other features). */
    public TenantSettingsRoutes(TenantSettingsService settings) {
        this.settings = settings;
        this.audit = java.util.Optional.empty();
    }

    /** Each change is recorded in the tenant's audit log as {@code tenant.settings_changed}, right after it. */
    public TenantSettingsRoutes(TenantSettingsService settings, TenantService audit) {
        this.settings = settings;
        this.audit = java.util.Optional.of(audit);
    }

    @Override
    public void register(Router router) {
        router.get("/admin/v1/settings", this::getSettings);
        router.patch("/admin/v1/settings", this::updateSettings);
    }

    /** {@code GET /admin/v1/settings}: every setting with its current value. */
    private Object getSettings(Context ctx) {
        return settings.view(Requests.tenantId(ctx));
    }

    /** {@code PATCH /admin/v1/settings}: changes the settings sent, answers all of them. */
    private Object updateSettings(Context ctx) {
        SettingsChanges changes = Requests.body(ctx, SettingsChanges.class);
        Object updated = settings.update(Requests.tenantId(ctx), changes);
        audit.ifPresent(tenants -> tenants.recordChange(Requests.tenantId(ctx), TenantKeyRoutes.caller(tenants, ctx),
                "tenant.settings_changed", io.signet.wire.Json.MAPPER.convertValue(changes,
                        new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
                        })));
        return updated;
    }
}
