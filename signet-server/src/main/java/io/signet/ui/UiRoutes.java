package io.signet.ui;

import io.javalin.http.Context;
import io.signet.action.ActionService;
import io.signet.action.VerifiedAction;
import io.signet.authenticator.AuthenticatorService;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.crypto.SecretHasher;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.http.ClientOrigin;
import io.signet.http.HtmlPage;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.TenantService;
import io.signet.user.UserService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The hosted challenge page (Authsignal's pre-built UI, the {@code url} track returns) and its static
 * assets. The page drives the flows through the Client API, and its plain forms (JavaScript off) through
 * the Client API's own service, so it adds no verification of its own.
 */
public final class UiRoutes implements Routes {
    private final FormPages forms;
    private final Assets assets;
    private final ActionService actions;
    private final AuthenticatorService authenticators;

    /** What the page uses from the rest of the server, grouped so the constructor stays readable. */
    public record Services(ActionService actions, AuthenticatorService authenticators, UserService users,
                           TenantService tenants, BrandingService branding, ClientAuthenticator credentials,
                           CodeChallenges codes, SecretHasher hasher) {
    }

    public UiRoutes(Services s, Function<String, PageOrigins> origins) {
        this.actions = s.actions();
        this.authenticators = s.authenticators();
        this.assets = new Assets();
        Messages messages = new Messages();
        Shell shell = new Shell(assets.version());
        HostedPages pages = new HostedPages(s.actions(), s.users(), s.tenants(), s.authenticators(), s.branding(),
                origins, messages, shell);
        this.forms = new FormPages(pages, new FormScreens(messages, shell),
                new FormGuard(s.hasher()), s.credentials(), s.codes());
    }

    @Override
    public void register(Router router) {
        // GET /ui?token=…[&mode=popup]: the page launch() opens (docs/client-api.md §10 "Out of scope"); POST /ui:
        // its plain forms when JavaScript is off.
        router.page("/ui", ctx -> answer(ctx, forms.page(request(ctx, query(ctx, "token", "mode")))));
        router.form("/ui", ctx -> answer(ctx, forms.post(request(ctx, fields(ctx)))));
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

    private static Map<String, String> query(Context ctx, String... names) {
        Map<String, String> present = new HashMap<>();
        for (String name : names) {
            String value = ctx.queryParam(name);
            if (value != null) {
                present.put(name, value);
            }
        }
        return present;
    }

    /** The first value of each form field (a repeated field counts once). */
    private static Map<String, String> fields(Context ctx) {
        Map<String, String> fields = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                fields.put(name, values.getFirst());
            }
        });
        return fields;
    }

    private static FormPages.Request request(Context ctx, Map<String, String> fields) {
        return new FormPages.Request(fields, ctx.cookie(FormGuard.COOKIE), ctx.header("Accept-Language"),
                ctx.userAgent(), ClientOrigin.of(ctx).ip(), ClientOrigin.https(ctx));
    }

    /** The page, with the cookie and the redirect the answer asks for. */
    private static HtmlPage answer(Context ctx, FormPages.Answer a) {
        if (a.setCookie() != null) {
            ctx.res().addHeader("Set-Cookie", a.setCookie());
        }
        if (a.location() != null) {
            ctx.header("Location", a.location());
        }
        return a.page();
    }
}
