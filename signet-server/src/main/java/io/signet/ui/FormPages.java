package io.signet.ui;

import io.javalin.http.Context;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.http.HtmlPage;
import io.signet.text.UrlEncoding;
import io.signet.error.SignetException;
import io.signet.user.VerificationMethod;
import java.util.Optional;

/**
 * {@code POST /ui}: the steps of the page's plain forms, for a browser without JavaScript. Each post carries
 * the page's token and its {@link FormGuard} field; the step is {@code choose} (the method list again),
 * {@code start} (send a code, then its form), {@code send} (a new code) or {@code verify}. Codes are sent and
 * checked by {@link CodeChallenges}, the Client API's own service, so the send and attempt limits are the
 * APIs'. A verified code ends in redirect mode's way: a 303 to the tracked redirectUrl with {@code ?token=}.
 */
final class FormPages {
    private static final int MAX_USER_AGENT = 1024;
    private static final int MAX_CODE = 64;

    private final HostedPages pages;
    private final FormScreens screens;
    private final FormGuard guard;
    private final ClientAuthenticator credentials;
    private final CodeChallenges codes;

    FormPages(HostedPages pages, FormScreens screens, FormGuard guard, ClientAuthenticator credentials,
              CodeChallenges codes) {
        this.pages = pages;
        this.screens = screens;
        this.guard = guard;
        this.credentials = credentials;
        this.codes = codes;
    }

    /** {@code GET /ui}: the scripted page, the first plain form in it until the script replaces it. */
    HtmlPage page(Context ctx) {
        String token = ctx.queryParam("token");
        return pages.challenge(token, ctx.queryParam("mode"), ctx.header("Accept-Language"),
                v -> screens.plain(v, token, v.mode() == Mode.POPUP ? "" : guard.issue(ctx, token)));
    }

    /** {@code POST /ui}: one step of the plain forms. */
    HtmlPage post(Context ctx) {
        String token = ctx.formParam("token");
        String acceptLanguage = ctx.header("Accept-Language");
        Optional<Visit> found = pages.visit(token, null, acceptLanguage);
        if (found.isEmpty()) {
            return pages.invalid(401, acceptLanguage);
        }
        Visit v = found.get();
        if (!guard.accepts(ctx, token)) {
            return screens.notice(403, v, "forged");
        }
        if (!HostedPages.canChallenge(v.action().state())) {
            return screens.notice(403, v, "blocked");
        }
        ClientPrincipal.Bearer caller;
        try {
            caller = credentials.bearer(token);
        } catch (SignetException expired) {
            return pages.invalid(401, acceptLanguage);
        }
        String csrf = ctx.formParam(FormGuard.FIELD);
        String method = ctx.formParam("method");
        String step = String.valueOf(ctx.formParam("step"));
        if (method == null || !FormScreens.codeMethods(v).contains(method) || step.equals("choose")) {
            return screens.choose(v, token, csrf);
        }
        VerificationMethod m = VerificationMethod.valueOf(method);
        return switch (step) {
            case "start", "send" -> {
                if (!FormScreens.SENT_CODES.contains(method)) {
                    yield screens.code(v, token, csrf, method, null, null);
                }
                String error = send(caller, m, ctx.userAgent());
                yield screens.code(v, token, csrf, method, error, error == null && step.equals("send")
                        ? "code.resent" : null);
            }
            case "verify" -> verify(ctx, v, caller, m, token, csrf);
            default -> screens.choose(v, token, csrf);
        };
    }

    private HtmlPage verify(Context ctx, Visit v, ClientPrincipal.Bearer caller, VerificationMethod m, String token,
                            String csrf) {
        String code = Optional.ofNullable(ctx.formParam("code")).map(String::strip).orElse("");
        if (m != VerificationMethod.RECOVERY_CODE) {
            code = code.replaceAll("\\s+", "");
        }
        if (code.isEmpty() || code.length() > MAX_CODE) {
            return screens.code(v, token, csrf, m.name(), code.isEmpty() ? "code.empty" : "code.wrong", null);
        }
        CodeChallenges.Outcome outcome;
        try {
            outcome = codes.check(caller, m, code);
        } catch (SignetException e) {
            return screens.code(v, token, csrf, m.name(), errorKey(e), null);
        }
        if (!outcome.verified()) {
            return screens.code(v, token, csrf, m.name(), "MAX_ATTEMPTS_EXCEEDED".equals(outcome.failureReason())
                    ? "code.locked" : "code.wrong", null);
        }
        String redirectUrl = v.action().redirectUrl();
        if (redirectUrl == null) {
            return screens.done(v, null);
        }
        String back = withToken(redirectUrl, outcome.accessToken());
        ctx.header("Location", back);
        return screens.done(v, back);
    }

    /** Sends a code; the bundle key of the reason it was not sent, or null. */
    private String send(ClientPrincipal.Bearer caller, VerificationMethod m, String userAgent) {
        try {
            codes.send(caller, m, userAgent == null || userAgent.isBlank() ? null
                    : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)));
            return null;
        } catch (SignetException e) {
            return errorKey(e);
        }
    }

    private static String errorKey(SignetException e) {
        return switch (e.code()) {
            case TOO_MANY_REQUESTS -> "error.rate";
            case EXPIRED_TOKEN -> "error.expired";
            default -> "error.generic";
        };
    }

    /** {@code url} with {@code token} added to its query, before any fragment (as the script does). */
    static String withToken(String url, String token) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.indexOf('?') < 0 ? "?" : "&") + "token="
                + UrlEncoding.form(token) + fragment;
    }
}
