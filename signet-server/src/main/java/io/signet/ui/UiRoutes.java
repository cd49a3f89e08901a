package io.signet.ui;

import io.javalin.http.Context;
import io.signet.action.ActionService;
import io.signet.http.HtmlPage;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import io.signet.user.UserService;
import java.util.function.Function;

/**
 * The hosted challenge page (Authsignal's pre-built UI, the {@code url} track returns) and its static
 * assets. The page drives the flows through the Client API, so it adds no verification of its own.
 */
public final class UiRoutes implements Routes {
    private final HostedPages pages;
    private final Assets assets;

    public UiRoutes(ActionService actions, UserService users, TenantService tenants, TenantSettingsService settings,
                    BrandingService branding, Function<String, PageOrigins> origins) {
        this.assets = new Assets();
        this.pages = new HostedPages(actions, users, tenants, settings, branding, origins, new Messages(),
                new Shell(assets.version()));
    }

    @Override
    public void register(Router router) {
        router.page("/ui", this::challengePage);
        assets.all().forEach((name, a) -> router.asset("/ui/assets/" + name, a.contentType(), a.body()));
        router.post("/v1/client/ui/qr-code", this::qrCode);
    }

    /**
     * {@code POST /v1/client/ui/qr-code} (a Signet extension for the page, Bearer token): the SVG QR code of
     * an authenticator app's {@code otpauth://} URI.
     */
    private QrCodes.Response qrCode(Context ctx) {
        Requests.clientBearer(ctx);
        return QrCodes.otpauth(Requests.body(ctx, QrCodes.Request.class));
    }

    /** {@code GET /ui?token=…[&mode=popup]}: the page {@code launch()} opens (authsignal-client-api.md §10). */
    private HtmlPage challengePage(Context ctx) {
        return pages.challenge(ctx.queryParam("token"), ctx.queryParam("mode"), ctx.header("Accept-Language"));
    }
}
