package io.signet.ui;

import io.javalin.http.Context;
import io.signet.action.ActionService;
import io.signet.action.VerifiedAction;
import io.signet.authenticator.AuthenticatorService;
import io.signet.caller.ClientPrincipal;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.http.HtmlPage;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.TenantService;
import io.signet.user.UserService;
import java.util.List;
import java.util.function.Function;

/**
 * The hosted challenge page (Authsignal's pre-built UI, the {@code url} track returns) and its static
 * assets. The page drives the flows through the Client API, so it adds no verification of its own.
 */
public final class UiRoutes implements Routes {
    private final HostedPages pages;
    private final Assets assets;
    private final ActionService actions;
    private final AuthenticatorService authenticators;

    public UiRoutes(ActionService actions, AuthenticatorService authenticators, UserService users,
                    TenantService tenants, BrandingService branding, Function<String, PageOrigins> origins) {
        this.actions = actions;
        this.authenticators = authenticators;
        this.assets = new Assets();
        this.pages = new HostedPages(actions, users, tenants, authenticators, branding, origins, new Messages(),
                new Shell(assets.version()));
    }

    @Override
    public void register(Router router) {
        router.page("/ui", this::challengePage);
        assets.all().forEach((name, a) -> router.asset("/ui/assets/" + name, a.contentType(), a.body()));
        router.post("/v1/client/ui/qr-code", this::qrCode);
        router.post("/v1/client/ui/recovery-codes", this::recoveryCodes);
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    /**
     * {@code POST /v1/client/ui/recovery-codes} (a Signet extension for the page): after the user's first
     * Client API enrollment, their recovery codes, issued now and shown once; {@code {}} when the user
     * already has codes, has no authenticator, or the tenant issues none. Needs a token whose action is
     * settled (an accessToken of a completed challenge or enrollment) and that may add authenticators.
     */
    private RecoveryCodes recoveryCodes(Context ctx) {
        ClientPrincipal.Bearer caller = Requests.clientBearer(ctx);
        String token = ctx.header("Authorization").strip().substring("Bearer ".length()).strip();
        boolean settled = actions.verifyToken(caller.tenantId(), token).map(VerifiedAction::isValid).orElse(false);
        if (!settled || !caller.hasScope(ClientPrincipal.Bearer.ADD_AUTHENTICATORS)) {
            throw new SignetException(ErrorCode.FORBIDDEN, "Recovery codes need the accessToken of a completed "
                    + "challenge or enrollment (scope add:authenticators).");
        }
        return new RecoveryCodes(authenticators.issueRecoveryCodesIfNone(caller.tenantId(), caller.userId())
                .orElse(null));
    }

    /**
     * {@code POST /v1/client/ui/qr-code} (a Signet extension for the page, Bearer token): the SVG QR code of
     * an authenticator app's {@code otpauth://} URI.
     */
    private QrCodes.Response qrCode(Context ctx) {
        Requests.clientBearer(ctx);
        return QrCodes.otpauth(Requests.body(ctx, QrCodes.Request.class));
    }

    /** {@code GET /ui?token=…[&mode=popup]}: the page {@code launch()} opens (docs/client-api.md §10 "Out of scope"). */
    private HtmlPage challengePage(Context ctx) {
        return pages.challenge(ctx.queryParam("token"), ctx.queryParam("mode"), ctx.header("Accept-Language"));
    }
}
