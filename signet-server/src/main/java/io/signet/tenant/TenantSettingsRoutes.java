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

    public TenantSettingsRoutes(TenantSettingsService settings) {
        this.settings = settings;
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
        return settings.update(Requests.tenantId(ctx), Requests.body(ctx, SettingsChanges.class));
    }
}
