package io.signet.ui;

import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.error.SignetException;
import io.signet.http.HtmlPage;
import io.signet.text.UrlEncoding;
import io.signet.user.VerificationMethod;
import java.util.Map;
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

    /**
     * What a request to the page brings, read from it by {@link UiRoutes}.
     *
     * @param fields the query parameters of a GET, the form fields of a POST
     * @param cookie the browser's {@link FormGuard#COOKIE}, or null
     * @param secure whether the request came over https
     */
    record Request(Map<String, String> fields, String cookie, String acceptLanguage, String userAgent, String ip,
                   boolean secure) {
        String field(String name) {
            return fields.get(name);
        }
    }

    /** A page and the headers to send with it: a new CSRF cookie, where a 303 leads; each may be null. */
    record Answer(HtmlPage page, String setCookie, String location) {
        static Answer of(HtmlPage page) {
            return new Answer(page, null, null);
        }
    }

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
    Answer page(Request r) {
        String token = r.field("token");
        String[] setCookie = new String[1];
        HtmlPage page = pages.challenge(token, r.field("mode"), r.acceptLanguage(), v -> {
            if (v.mode() == Mode.POPUP) {
                return screens.plain(v, token, "");
            }
            FormGuard.Issued issued = guard.issue(r.cookie(), token, r.secure());
            setCookie[0] = issued.setCookie();
            return screens.plain(v, token, issued.field());
        });
        return new Answer(page, setCookie[0], null);
    }

    /** {@code POST /ui}: one step of the plain forms. */
    Answer post(Request r) {
        String token = r.field("token");
        Optional<Visit> found = pages.visit(token, null, r.acceptLanguage());
        if (found.isEmpty()) {
            return Answer.of(pages.invalid(401, r.acceptLanguage()));
        }
        Visit v = found.get();
        String csrf = r.field(FormGuard.FIELD);
        if (!guard.accepts(r.cookie(), csrf, token)) {
            return Answer.of(screens.notice(403, v, "forged"));
        }
        if (!HostedPages.canChallenge(v.action().state())) {
            return Answer.of(screens.notice(403, v, "blocked"));
        }
        ClientPrincipal.Bearer caller;
        try {
            caller = credentials.bearer(token);
        } catch (SignetException expired) {
            return Answer.of(pages.invalid(401, r.acceptLanguage()));
        }
        String method = r.field("method");
        String step = String.valueOf(r.field("step"));
        if (method == null || !FormScreens.codeMethods(v).contains(method) || step.equals("choose")) {
            return Answer.of(screens.choose(v, token, csrf));
        }
        VerificationMethod m = VerificationMethod.valueOf(method);
        return switch (step) {
            case "start", "send" -> {
                if (!FormScreens.SENT_CODES.contains(method)) {
                    yield Answer.of(screens.code(v, token, csrf, method, null, null));
                }
                String error = send(caller, m, r.userAgent(), r.ip());
                yield Answer.of(screens.code(v, token, csrf, method, error, error == null && step.equals("send")
                        ? "code.resent" : null));
            }
            case "verify" -> verify(r.field("code"), v, caller, m, token, csrf, r.ip());
            default -> Answer.of(screens.choose(v, token, csrf));
        };
    }

    private Answer verify(String typed, Visit v, ClientPrincipal.Bearer caller, VerificationMethod m, String token,
                          String csrf, String ip) {
        String code = Optional.ofNullable(typed).map(String::strip).orElse("");
        if (m != VerificationMethod.RECOVERY_CODE) {
            code = code.replaceAll("\\s+", "");
        }
        if (code.isEmpty() || code.length() > MAX_CODE) {
            return Answer.of(screens.code(v, token, csrf, m.name(), code.isEmpty() ? "code.empty" : "code.wrong",
                    null));
        }
        CodeChallenges.Outcome outcome;
        try {
            outcome = codes.check(caller, m, code, ip);
        } catch (SignetException e) {
            return Answer.of(screens.code(v, token, csrf, m.name(), errorKey(e), null));
        }
        if (!outcome.verified()) {
            return Answer.of(screens.code(v, token, csrf, m.name(),
                    "MAX_ATTEMPTS_EXCEEDED".equals(outcome.failureReason()) ? "code.locked" : "code.wrong", null));
        }
        String redirectUrl = v.action().redirectUrl();
        if (redirectUrl == null) {
            return Answer.of(screens.done(v, null));
        }
        String back = withToken(redirectUrl, outcome.accessToken());
        return new Answer(screens.done(v, back), null, back);
    }

    /** Sends a code; the bundle key of the reason it was not sent, or null. */
    private String send(ClientPrincipal.Bearer caller, VerificationMethod m, String userAgent, String ip) {
        try {
            codes.send(caller, m, userAgent == null || userAgent.isBlank() ? null
                    : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)), ip);
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
        return base + (base.indexOf('?') < 0 ? "?" : "&") + "token=" + UrlEncoding.form(token) + fragment;
    }
}
