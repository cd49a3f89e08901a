package io.signet.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.signet.error.SignetException;
import io.signet.http.ClientOrigin;
import io.signet.http.HtmlPage;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.tenant.Tenant;
import io.signet.tenant.TenantService;
import io.signet.ui.Assets;
import io.signet.ui.FormGuard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin console at {@code /console}: server-rendered pages for support and security staff, signed in
 * with the operator realm's passkeys through the hosted page ({@link SignInPages}). Everything after sign-in
 * needs an open {@link ConsoleSessions} session; every POST also needs the session's CSRF field. The
 * session cookie is the only credential: a tenant's secret key opens nothing here, and the cookie opens
 * nothing under {@code /v1} or {@code /admin} (its path is {@code /console}, and those routes read only keys).
 */
public final class ConsoleRoutes implements Routes {
    private final Assets assets = new Assets("console/assets/", Map.of("console.css", Assets.STYLE,
            "console.js", Assets.SCRIPT));
    private final Layout layout = new Layout(assets.version());
    private final ConsoleSessions sessions;
    private final TenantService tenants;
    private final SignInPages signIn;
    private final Map<String, ConsolePage> pages;
    private final boolean publicHttps;

    /** A signed-in page or form handler. */
    interface ConsolePage {
        Answer handle(ConsoleRequest r);
    }

    /** {@code publicHttps}: SIGNET_PUBLIC_URL is https, so cookies are Secure even behind a plain-http hop. */
    public ConsoleRoutes(ConsoleServices s, boolean publicHttps) {
        this.sessions = s.sessions();
        this.tenants = s.tenants();
        this.publicHttps = publicHttps;
        this.signIn = new SignInPages(s, layout);
        this.pages = new ConsolePages(s, layout).all();
    }

    @Override
    public void register(Router router) {
        assets.all().forEach((name, a) -> router.asset("/console/assets/" + name, a.contentType(), a.body()));
        router.page("/console", ctx -> deliver(ctx, Answer.redirect(sessions.resolve(ctx.cookie(Cookies.SESSION))
                .isPresent() ? "/console/users" : "/console/sign-in")));
        router.page("/console/sign-in", ctx -> deliver(ctx, signIn.form(before(ctx))));
        router.form("/console/sign-in", ctx -> deliver(ctx, signIn.start(before(ctx))));
        router.page("/console/enroll", ctx -> deliver(ctx, signIn.enrollForm(before(ctx))));
        router.form("/console/enroll", ctx -> deliver(ctx, signIn.enroll(before(ctx))));
        router.page(ConsoleSignIn.RETURN_PATH, ctx -> deliver(ctx, signIn.finish(before(ctx))));
        router.form("/console/sign-out", signedIn(signIn::signOut));
        pages.forEach((route, page) -> {
            String[] methodAndPath = route.split(" ", 2);
            if (methodAndPath[0].equals("GET")) {
                router.page(methodAndPath[1], signedIn(page));
            } else {
                router.form(methodAndPath[1], signedIn(page));
            }
        });
    }

    /** What the pages before sign-in read from a request. */
    record Before(Map<String, String> params, String formCookie, String pendingCookie, String ip, String userAgent,
                  boolean secure) {
        String param(String name) {
            String v = params.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private Before before(Context ctx) {
        return new Before(params(ctx), ctx.cookie(FormGuard.COOKIE), ctx.cookie(Cookies.PENDING),
                ClientOrigin.of(ctx).ip(), ctx.userAgent(), secure(ctx));
    }

    /**
     * The handler of a signed-in page: without an open session a GET goes to sign-in and a POST is refused
     * (nothing done); a POST without the session's CSRF field is refused; a service's refusal becomes a page
     * with its message.
     */
    private Function<Context, HtmlPage> signedIn(ConsolePage page) {
        return ctx -> {
            String token = ctx.cookie(Cookies.SESSION);
            boolean post = ctx.method() == HandlerType.POST;
            Optional<ConsoleSessions.Operator> operator = sessions.resolve(token);
            if (operator.isEmpty()) {
                Answer out = post ? Answer.page(layout.plain(401, "Signed out", "expired",
                        "<p>" + Html.link("/console/sign-in", "Sign in") + "</p>"))
                        : Answer.redirect("/console/sign-in" + (token != null ? "?notice=expired" : ""));
                return deliver(ctx, token != null ? out.withCookie(Cookies.session(null)) : out);
            }
            if (post && !sessions.csrfMatches(token, ctx.formParam("csrf"))) {
                return deliver(ctx, Answer.page(layout.plain(403, "Refused", null, "<p class=\"error\" role=\"alert\">"
                        + "This form is stale or did not come from the console, so nothing was done. Reload the "
                        + "page and try again.</p>")));
            }
            ConsoleRequest r;
            try {
                r = request(ctx, operator.get(), sessions.csrf(token));
            } catch (SignetException unknownTenant) {
                return deliver(ctx, Answer.page(layout.plain(unknownTenant.code().status(), "Not found", null,
                        "<p class=\"error\" role=\"alert\">" + Html.text(unknownTenant.description()) + "</p><p>"
                                + Html.link("/console/users", "Back to the console") + "</p>")));
            }
            try {
                return deliver(ctx, page.handle(r));
            } catch (SignetException e) {
                return deliver(ctx, Answer.page(layout.refused(r, e.code().status(), e.description(),
                        r.at(backOf(r.path())))));
            }
        };
    }

    /** The page a refused form returns to: its path up to the entity it acts on. */
    private static String backOf(String path) {
        String[] parts = path.split("/");
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(parts.length, 4)));
    }

    private ConsoleRequest request(Context ctx, ConsoleSessions.Operator operator, String csrf) {
        Map<String, String> params = params(ctx);
        List<Tenant> visible = tenants.list();
        String wanted = params.get("tenant");
        Tenant tenant = wanted == null ? visible.stream().findFirst().orElse(null)
                : tenants.findVisible(wanted).orElseThrow(() -> SignetException.notFound(
                        "No tenant has the id '" + wanted + "'."));
        return new ConsoleRequest(operator, csrf, ClientOrigin.of(ctx).ip(), params, ctx.path(), visible, tenant);
    }

    /** Query parameters, then form fields, then path parameters: the first value of each. */
    private static Map<String, String> params(Context ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.getFirst());
            }
        });
        if (ctx.method() == HandlerType.POST) {
            ctx.formParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    params.put(k, v.getFirst());
                }
            });
        }
        params.putAll(ctx.pathParamMap());
        return params;
    }

    private boolean secure(Context ctx) {
        return publicHttps || ClientOrigin.https(ctx);
    }

    /** Writes the answer's cookies (Secure when the browser came over https) and redirect; returns its page. */
    private HtmlPage deliver(Context ctx, Answer a) {
        for (String c : a.cookies()) {
            ctx.res().addHeader("Set-Cookie", secure(ctx) && !c.endsWith("; Secure") ? c + "; Secure" : c);
        }
        if (a.location() != null) {
            ctx.header("Location", a.location());
        }
        return a.page();
    }
}
