package io.signet.tenant;

import io.javalin.http.Context;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;

/**
 * Signet's admin API for the hosted page's branding (no Authsignal equivalent), authenticated with the
 * tenant's secret key by the filter on {@code /admin/*}.
 */
public final class BrandingRoutes implements Routes {
    private final BrandingService branding;

    public BrandingRoutes(BrandingService branding) {
        this.branding = branding;
    }

    /** What the admin API shows: the logo as its type and size, not its bytes. */
    record View(String displayName, String primaryColor, LogoInfo logo) {
        static View of(Branding b) {
            return new View(b.displayName(), b.primaryColor(),
                    b.logo() == null ? null : new LogoInfo(b.logo().contentType(), b.logo().sizeBytes()));
        }
    }

    record LogoInfo(String contentType, int sizeBytes) {
    }

    @Override
    public void register(Router router) {
        router.get("/admin/v1/branding", this::getBranding);
        router.patch("/admin/v1/branding", this::updateBranding);
        router.post("/admin/v1/branding/logo", this::uploadLogo);
        router.delete("/admin/v1/branding/logo", this::deleteLogo);
    }

    /** {@code GET /admin/v1/branding}. */
    private View getBranding(Context ctx) {
        return View.of(branding.get(Requests.tenantId(ctx)));
    }

    /** {@code PATCH /admin/v1/branding {displayName?, primaryColor?}}. */
    private View updateBranding(Context ctx) {
        return View.of(branding.update(Requests.tenantId(ctx), Requests.body(ctx, BrandingService.Changes.class)));
    }

    /** {@code POST /admin/v1/branding/logo} with the image as the raw body. */
    private View uploadLogo(Context ctx) {
        return View.of(branding.setLogo(Requests.tenantId(ctx), ctx.bodyAsBytes()));
    }

    /** {@code DELETE /admin/v1/branding/logo}. */
    private View deleteLogo(Context ctx) {
        return View.of(branding.deleteLogo(Requests.tenantId(ctx)));
    }
}
