package io.signet.console;

import io.signet.error.SignetException;
import io.signet.tenant.TenantService;
import io.signet.ui.FormGuard;
import io.signet.user.QueryUsersResponse;
import java.util.Optional;

/**
 * Sign-in, enrollment and sign-out. Sign-in asks for the operator's email, then hands the browser to the
 * hosted page for the passkey or authenticator-app challenge ({@link ConsoleSignIn}); an enrollment link
 * does the same for an operator without a factor, whose hosted page then offers to set one up. Both forms
 * are CSRF-guarded with the hosted page's own {@link FormGuard}, since no session exists yet.
 */
final class SignInPages {
    private static final String SIGN_IN_FORM = "console-sign-in";

    private final ConsoleSessions sessions;
    private final OperatorAccounts accounts;
    private final ConsoleSignIn signIn;
    private final ConsoleAudit audit;
    private final FormGuard guard;
    private final java.util.function.Supplier<String> linkBase;
    private final Layout layout;

    SignInPages(ConsoleServices s, Layout layout) {
        this.sessions = s.sessions();
        this.accounts = s.accounts();
        this.signIn = s.signIn();
        this.audit = new ConsoleAudit(s.tenants());
        this.guard = new FormGuard(s.hasher());
        this.linkBase = s.linkBase();
        this.layout = layout;
    }

    /** {@code GET /console/sign-in}. */
    Answer form(ConsoleRoutes.Before b) {
        return signInPage(200, b, b.param("notice"), null);
    }

    private Answer signInPage(int status, ConsoleRoutes.Before b, String notice, String error) {
        FormGuard.Issued issued = guard.issue(b.formCookie(), SIGN_IN_FORM, b.secure());
        String body = (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.text(error) + "</p>")
                + "<p>Sign in with the passkey or authenticator app you set up for the console.</p>"
                + "<form method=\"post\" action=\"/console/sign-in\">" + Html.hidden(FormGuard.FIELD, issued.field())
                + Html.field("email", "Email", b.param("email"), "type=\"email\" required autocomplete=\"username\"")
                + Html.button("Continue", "primary") + "</form>";
        Answer a = Answer.page(layout.plain(status, "Sign in", notice, body));
        return issued.setCookie() == null ? a : a.withCookie(issued.setCookie());
    }

    /** {@code POST /console/sign-in}: on to the hosted page's challenge for an enrolled operator. */
    Answer start(ConsoleRoutes.Before b) {
        if (!guard.accepts(b.formCookie(), b.param(FormGuard.FIELD), SIGN_IN_FORM)) {
            return signInPage(403, b, null, "The form expired or did not come from this page. Try again.");
        }
        Optional<QueryUsersResponse.Item> operator = accounts.operatorByEmail(b.param("email"));
        if (operator.isEmpty() || !operator.get().isEnrolled()) {
            // Unfinished enrollment included: only the one-time link may set up an operator's first factor.
            return signInPage(200, b, null, "No operator with a passkey or authenticator app has this email. A new "
                    + "operator signs in first through the enrollment link ./signet console-admin create printed.");
        }
        return challenge(operator.get().userId(), ConsoleSignIn.SIGN_IN, b);
    }

    /** {@code GET /console/enroll?token=…}: a button, so that opening the link (a mail scanner) uses nothing up. */
    Answer enrollForm(ConsoleRoutes.Before b) {
        String token = b.param("token");
        if (token == null) {
            return invalidLink();
        }
        FormGuard.Issued issued = guard.issue(b.formCookie(), token, b.secure());
        String body = "<p>Set up the passkey (or, as a fallback, the authenticator app) you will sign in to the "
                + "console with. This link works once.</p><form method=\"post\" action=\"/console/enroll\">"
                + Html.hidden(FormGuard.FIELD, issued.field()) + Html.hidden("token", token)
                + Html.button("Set up my sign-in", "primary") + "</form>";
        Answer a = Answer.page(layout.plain(200, "Welcome to the Signet console", null, body));
        return issued.setCookie() == null ? a : a.withCookie(issued.setCookie());
    }

    /** {@code POST /console/enroll}: uses the link up and hands the browser to the hosted page's enrollment. */
    Answer enroll(ConsoleRoutes.Before b) {
        String token = b.param("token");
        if (token == null || !guard.accepts(b.formCookie(), b.param(FormGuard.FIELD), token)) {
            return Answer.page(layout.plain(403, "Refused", null, "<p class=\"error\" role=\"alert\">The form "
                    + "expired or did not come from this page. Open the link again.</p>"));
        }
        return accounts.redeem(token).map(userId -> challenge(userId, ConsoleSignIn.ENROLL, b))
                .orElseGet(this::invalidLink);
    }

    private Answer invalidLink() {
        return Answer.page(layout.plain(410, "This link cannot be used", null, "<p class=\"error\" "
                + "role=\"alert\">The enrollment link is unknown, already used or expired (links last 15 minutes). "
                + "Ask an administrator for a new one: ./signet console-admin create --email ….</p>"));
    }

    private Answer challenge(String userId, String actionCode, ConsoleRoutes.Before b) {
        ConsoleSignIn.Started started = signIn.start(userId, actionCode, linkBase.get() + ConsoleSignIn.RETURN_PATH,
                b.ip(), b.userAgent());
        return Answer.redirect(started.url()).withCookie(Cookies.pending(started.idempotencyKey()));
    }

    /** {@code GET /console/signed-in?token=…}: where the hosted page returns; opens the session. */
    Answer finish(ConsoleRoutes.Before b) {
        Optional<ConsoleSignIn.Verified> verified = signIn.finish(b.param("token"), b.pendingCookie());
        if (verified.isEmpty()) {
            return signInPage(401, b, null, "The sign-in did not complete, expired or was started in another "
                    + "browser. Sign in again.").withCookie(Cookies.pending(null));
        }
        ConsoleSignIn.Verified v = verified.get();
        String token;
        try {
            token = sessions.open(v.userId(), v.email(), v.signInRef());
        } catch (SignetException replayed) {
            return signInPage(401, b, null, replayed.description()).withCookie(Cookies.pending(null));
        }
        audit.record(new ConsoleSessions.Operator(v.userId(), v.email(), null), b.ip(), TenantService.OPERATOR_REALM,
                "signed_in", v.email(), null);
        return Answer.redirect("/console/users").withCookie(Cookies.pending(null)).withCookie(Cookies.session(token));
    }

    /** {@code POST /console/sign-out}. */
    Answer signOut(ConsoleRequest r) {
        sessions.close(r.operator());
        audit.record(r.operator(), r.ip(), TenantService.OPERATOR_REALM, "signed_out", r.operator().email(), null);
        return Answer.redirect("/console/sign-in?notice=signed-out").withCookie(Cookies.session(null));
    }
}
