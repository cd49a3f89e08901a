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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The hosted challenge page at track's {@code url} ({@code /ui?token=…}): checks the token, then renders the
 * shell with what the script needs. It reads through the same services the APIs use, never the database.
 * An invalid, expired or missing token gets a plain localized page, never an error trace.
 */
final class HostedPages {
    /** Methods the page can run a challenge for, in the order it lists them after the default. */
    static final Set<VerificationMethod> CHALLENGEABLE = EnumSet.of(VerificationMethod.PASSKEY,
            VerificationMethod.EMAIL_OTP, VerificationMethod.SMS, VerificationMethod.WHATSAPP,
            VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.EMAIL_MAGIC_LINK);
    /** Methods the page can enrol (docs/client-api.md §3 "Endpoint catalogue": #1/#3, #18, #10, #13), in the order offered. */
    static final List<VerificationMethod> ENROLLABLE = List.of(VerificationMethod.PASSKEY,
            VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.EMAIL_OTP, VerificationMethod.SMS);
    static final String APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'";
    private static final int MAX_TOKEN = 4096;

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

    HtmlPage challenge(String token, String modeQuery, String acceptLanguage) {
        Optional<VerifiedAction> verified = token == null || token.isEmpty() || token.length() > MAX_TOKEN
                ? Optional.empty() : actions.verifyToken(token);
        if (verified.isEmpty()) {
            // The tenant is unknown, so no origin may frame this page or hear from it.
            String lang = messages.choose(null, acceptLanguage);
            return new HtmlPage(token == null || token.isEmpty() ? 400 : 401, render("invalid", lang,
                    PageConfig.notice("invalid", lang, Mode.REDIRECT, new PageOrigins(List.of(), false))),
                    APP_POLICY, List.of());
        }
        VerifiedAction action = verified.get();
        String tenantId = action.claims().tenantId();
        String lang = messages.choose(action.locale(), acceptLanguage);
        Mode mode = Mode.of(modeQuery);
        PageOrigins allowed = origins.apply(tenantId);
        List<String> ancestors = mode == Mode.POPUP ? allowed.frameAncestors() : List.of();
        if (!canChallenge(action.state())) {
            return new HtmlPage(403, render("blocked", lang, PageConfig.notice("blocked", lang, mode, allowed)),
                    APP_POLICY, ancestors);
        }
        Enrollment enrollment = users.enrollment(tenantId, action.claims().userId());
        Branding brand = branding.get(tenantId);
        PageConfig config = new PageConfig("app", lang, mode.wire(), brand.displayName() != null
                ? brand.displayName() : tenants.find(tenantId).map(Tenant::name).orElse(""), brand.primaryColor(),
                brand.logo() == null ? null : brand.logo().dataUrl(), action.redirectUrl(),
                allowed.origins(), allowed.anyLocalhostPort(), action.state().name(), methods(enrollment),
                ENROLLABLE.stream().filter(enrollment.allowed()::contains).map(Enum::name).toList(),
                !enrollment.isEnrolled() || hasScope(action.claims().scope(), "add:authenticators"),
                enrollment.isEnrolled() && authenticators.hasRecoveryCodes(tenantId, action.claims().userId()),
                messages.bundle(lang));
        return new HtmlPage(200, render("app", lang, config), APP_POLICY, ancestors);
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
    private static boolean canChallenge(ActionState state) {
        return EnumSet.of(ActionState.ALLOW, ActionState.CHALLENGE_REQUIRED, ActionState.CHALLENGE_FAILED,
                ActionState.CHALLENGE_SUCCEEDED).contains(state);
    }

    private static boolean hasScope(String scope, String wanted) {
        return scope != null && Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
    }

    /** The shell with its heading and first paragraph from the bundle: {@code <screen>.title/.message}. */
    private String render(String screen, String lang, PageConfig config) {
        Map<String, String> texts = messages.bundle(lang);
        Map<String, String> slots = new java.util.HashMap<>(texts);
        slots.put("heading", texts.get(screen.equals("app") ? "page.title" : screen + ".title"));
        slots.put("message", texts.get(screen.equals("app") ? "page.loading" : screen + ".message"));
        return shell.render(lang, slots, config);
    }
}
