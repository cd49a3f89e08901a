package io.signet.ui;

import io.signet.action.ActionService;
import io.signet.action.ActionState;
import io.signet.action.VerifiedAction;
import io.signet.authenticator.AuthenticatorService;
import io.signet.http.HtmlPage;
import io.signet.tenant.Branding;
import io.signet.tenant.BrandingService;
import io.signet.tenant.Tenant;
import io.signet.tenant.TenantService;
import io.signet.user.Enrollment;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The hosted challenge page at track's {@code url} ({@code /ui?token=…}): checks the token, then renders the
 * shell with what the script needs, and the plain forms for a browser without JavaScript, which the
 * script replaces. It reads through the same services the APIs use, never the database. An invalid,
 * expired or missing token gets a plain localized page, never an error trace.
 */
final class HostedPages {
    /** Methods the page can run a challenge for, in the order it lists them after the default. */
    static final Set<VerificationMethod> CHALLENGEABLE = EnumSet.of(VerificationMethod.PASSKEY,
            VerificationMethod.EMAIL_OTP, VerificationMethod.SMS, VerificationMethod.WHATSAPP,
            VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.EMAIL_MAGIC_LINK);
    /** Methods the page can enrol (docs/client-api.md §3 "Endpoint catalogue": #1/#3, #18, #10, #13), in the order offered. */
    static final List<VerificationMethod> ENROLLABLE = List.of(VerificationMethod.PASSKEY,
            VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.EMAIL_OTP, VerificationMethod.SMS);
    static final String APP_POLICY = HtmlPage.SCRIPTS_FROM_SELF;
    static final int MAX_TOKEN = 4096;

    private final ActionService actions;
    private final UserService users;
    private final TenantService tenants;
    private final AuthenticatorService authenticators;
    private final BrandingService branding;
    private final Function<String, PageOrigins> origins;
    private final Messages messages;
    private final Shell shell;

    HostedPages(ActionService actions, UserService users, TenantService tenants, AuthenticatorService authenticators,
                BrandingService branding, Function<String, PageOrigins> origins, Messages messages, Shell shell) {
        this.actions = actions;
        this.users = users;
        this.tenants = tenants;
        this.authenticators = authenticators;
        this.branding = branding;
        this.origins = origins;
        this.messages = messages;
        this.shell = shell;
    }

    /** The page for {@code token}, unless it is missing, forged or expired. */
    Optional<Visit> visit(String token, String modeQuery, String acceptLanguage) {
        Optional<VerifiedAction> verified = token == null || token.isEmpty() || token.length() > MAX_TOKEN
                ? Optional.empty() : actions.verifyToken(token);
        return verified.map(action -> {
            String tenantId = action.claims().tenantId();
            String userId = action.claims().userId();
            Enrollment enrollment = users.enrollment(tenantId, userId);
            Branding brand = branding.get(tenantId);
            return new Visit(action, messages.choose(action.locale(), acceptLanguage), Mode.of(modeQuery),
                    origins.apply(tenantId), methods(enrollment),
                    enrollment.isEnrolled() && authenticators.hasRecoveryCodes(tenantId, userId),
                    ENROLLABLE.stream().filter(enrollment.allowed()::contains)
                            .filter(m -> !TenantService.isOperatorRealm(tenantId) || OperatorFactors.METHODS.contains(m))
                            .map(Enum::name).toList(),
                    !enrollment.isEnrolled() || hasScope(action.claims().scope(), "add:authenticators"),
                    brand.displayName() != null ? brand.displayName()
                            : tenants.find(tenantId).map(Tenant::name).orElse(""),
                    brand.primaryColor(), brand.logo() == null ? null : brand.logo().dataUrl());
        });
    }

    /**
     * The scripted page; {@code plain} is what it shows before its script runs, and all a browser without
     * JavaScript ever shows: the plain forms of {@link FormScreens}, or why it needs JavaScript.
     */
    HtmlPage challenge(String token, String modeQuery, String acceptLanguage, Function<Visit, String> plain) {
        Optional<Visit> found = visit(token, modeQuery, acceptLanguage);
        if (found.isEmpty()) {
            return invalid(token == null || token.isEmpty() ? 400 : 401, acceptLanguage);
        }
        Visit v = found.get();
        if (!canChallenge(v.action().state())) {
            return notice(403, "blocked", v);
        }
        if (v.action().state() == ActionState.CHALLENGE_FAILED) {
            // The challenge failed (too many wrong codes, a veto, the app's own update) and an action never
            // moves on from there: a new visit with its token gets this page, not methods that cannot succeed.
            return notice(410, "used", v);
        }
        PageConfig config = new PageConfig("app", v.lang(), v.mode().wire(), v.action().redirectUrl(),
                v.allowed().origins(), v.allowed().anyLocalhostPort(), v.action().state().name(), v.methods(),
                v.enrollable(), v.enrol(), v.recoveryCode(), messages.bundle(v.lang()));
        Theme theme = new Theme(v.primaryColor());
        return new HtmlPage(200, render("app", v.lang(), config, Map.of("plain", plain.apply(v),
                "brand", FormScreens.brand(v), "style", theme.element())), theme.allowIn(APP_POLICY),
                v.frameAncestors());
    }

    /** A page that only says why the token's action cannot go on ({@code <screen>.title/.message}). */
    private HtmlPage notice(int status, String screen, Visit v) {
        return new HtmlPage(status, render(screen, v.lang(), PageConfig.notice(screen, v.lang(), v.mode(),
                v.allowed()), Map.of()), APP_POLICY, v.frameAncestors());
    }

    /** The page for a missing, forged or expired token: the tenant is unknown, so nobody may frame it. */
    HtmlPage invalid(int status, String acceptLanguage) {
        String lang = messages.choose(null, acceptLanguage);
        return new HtmlPage(status, render("invalid", lang,
                PageConfig.notice("invalid", lang, Mode.REDIRECT, new PageOrigins(List.of(), false)), Map.of()),
                APP_POLICY, List.of());
    }

    /** The enrolled methods the page can run, the user's default first. */
    static List<String> methods(Enrollment e) {
        List<VerificationMethod> ordered = new ArrayList<>();
        if (e.defaultMethod() != null && CHALLENGEABLE.contains(e.defaultMethod())) {
            ordered.add(e.defaultMethod());
        }
        e.enrolled().stream().filter(m -> CHALLENGEABLE.contains(m) && !ordered.contains(m)).forEach(ordered::add);
        return ordered.stream().map(Enum::name).toList();
    }

    /** BLOCK and the review states end here; these are the states a challenge may still complete from. */
    static boolean canChallenge(ActionState state) {
        return EnumSet.of(ActionState.ALLOW, ActionState.CHALLENGE_REQUIRED, ActionState.CHALLENGE_FAILED,
                ActionState.CHALLENGE_SUCCEEDED).contains(state);
    }

    private static boolean hasScope(String scope, String wanted) {
        return scope != null && Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
    }

    /**
     * The shell with its heading; below it the screen's paragraph ({@code <screen>.title/.message}), or for
     * the app screen, which the script replaces, the plain forms ({@code trusted.plain}).
     */
    private String render(String screen, String lang, PageConfig config, Map<String, String> trusted) {
        Map<String, String> texts = messages.bundle(lang);
        boolean app = screen.equals("app");
        Map<String, String> raw = new HashMap<>(trusted);
        raw.put("scripts", shell.scripts(config));
        raw.put("content", app ? trusted.get("plain")
                : "<p>" + HtmlPage.escape(texts.get(screen + ".message")) + "</p>");
        String heading = texts.get(app ? "page.title" : screen + ".title");
        return shell.render(lang, Map.of("heading", heading, "title", heading), raw);
    }
}
