package io.signet.ui;

import static io.signet.http.HtmlPage.escape;

import io.signet.http.HtmlPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page without JavaScript: plain HTML forms for the code methods (email, SMS, WhatsApp, authenticator
 * app, recovery code), rendered on the server. Each form posts back to {@code /ui} with the page's token and
 * the {@link FormGuard} field; {@link FormPages} runs the step. Every value is escaped here.
 */
final class FormScreens {
    /** The methods a plain form can run: a code typed in. Passkeys and magic links need the script. */
    static final Set<String> CODE_METHODS = Set.of("EMAIL_OTP", "SMS", "WHATSAPP", "AUTHENTICATOR_APP",
            "RECOVERY_CODE");
    static final Set<String> SENT_CODES = Set.of("EMAIL_OTP", "SMS", "WHATSAPP");
    private static final String FORM_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'";

    private final Messages messages;
    private final Shell shell;

    FormScreens(Messages messages, Shell shell) {
        this.messages = messages;
        this.shell = shell;
    }

    /** The methods of {@code v} a plain form can run, in the page's order, recovery code last. */
    static List<String> codeMethods(Visit v) {
        List<String> list = new ArrayList<>(v.methods().stream().filter(CODE_METHODS::contains).toList());
        if (v.recoveryCode()) {
            list.add("RECOVERY_CODE");
        }
        return list;
    }

    /**
     * What the scripted page shows until its script runs, and all it shows without one: the method choice,
     * or why it needs JavaScript.
     */
    String plain(Visit v, String token, String csrf) {
        Map<String, String> t = messages.bundle(v.lang());
        if (v.mode() == Mode.POPUP) {
            return p(t.get("nojs.popup"));
        }
        if (v.action().isValid() && v.action().redirectUrl() != null) {
            // Nothing left to verify: the token validates as it is, as the script would hand it back.
            return p(t.get("done.title")) + "<p><a class=\"button\" href=\""
                    + escape(FormPages.withToken(v.action().redirectUrl(), token)) + "\">"
                    + escape(t.get("done.continue")) + "</a></p>";
        }
        if (v.action().isValid() || codeMethods(v).isEmpty()) {
            return p(t.get(v.action().isValid() ? "done.close" : "page.noscript"));
        }
        return chooser(v, token, csrf) + "<p class=\"muted\">" + escape(t.get("nojs.limits")) + "</p>";
    }

    private String chooser(Visit v, String token, String csrf) {
        Map<String, String> t = messages.bundle(v.lang());
        StringBuilder html = new StringBuilder(p(t.get("choose.intro")));
        html.append("<form method=\"post\" action=\"ui\">").append(hidden(token, csrf))
                .append("<input type=\"hidden\" name=\"step\" value=\"start\">")
                .append("<ul class=\"methods\" aria-label=\"").append(escape(t.get("nav.label"))).append("\">");
        for (String m : codeMethods(v)) {
            if (!m.equals("RECOVERY_CODE")) {
                html.append("<li><button type=\"submit\" class=\"method\" name=\"method\" value=\"").append(m)
                        .append("\">").append(escape(t.get("method." + m))).append("</button></li>");
            }
        }
        html.append("</ul>");
        if (v.recoveryCode()) {
            html.append("<button type=\"submit\" class=\"link\" name=\"method\" value=\"RECOVERY_CODE\">")
                    .append(escape(t.get("choose.recovery"))).append("</button>");
        }
        return html.append("</form>").toString();
    }

    /** The method choice as a page of its own ("choose another method"). */
    HtmlPage choose(Visit v, String token, String csrf) {
        return page(200, v, "choose.title", chooser(v, token, csrf), null);
    }

    /**
     * The code form of {@code method}: the code field, Verify, "send a new code" for sent codes, and the
     * way back to the choice. {@code error} (a bundle key) marks the field invalid and is announced;
     * {@code status} (a bundle key) is a polite note.
     */
    HtmlPage code(Visit v, String token, String csrf, String method, String error, String status) {
        Map<String, String> t = messages.bundle(v.lang());
        boolean recovery = method.equals("RECOVERY_CODE");
        StringBuilder html = new StringBuilder("<p id=\"code-intro\">")
                .append(escape(t.get("code.intro." + method))).append("</p>");
        if (error != null) {
            html.append("<p id=\"code-error\" class=\"alert\" role=\"alert\">").append(escape(t.get(error)))
                    .append("</p>");
        }
        if (status != null) {
            html.append("<p class=\"status\" role=\"status\">").append(escape(t.get(status))).append("</p>");
        }
        html.append("<form method=\"post\" action=\"ui\">").append(hidden(token, csrf))
                .append("<input type=\"hidden\" name=\"method\" value=\"").append(method).append("\">")
                .append("<label for=\"code\">").append(escape(t.get(recovery ? "code.recoveryLabel" : "code.label")))
                .append("</label><input id=\"code\" name=\"code\" type=\"text\" required autofocus maxlength=\"64\" ")
                .append(recovery ? "autocomplete=\"off\" " : "class=\"code\" inputmode=\"numeric\" "
                        + "autocomplete=\"one-time-code\" ")
                .append("spellcheck=\"false\" aria-describedby=\"").append(error != null ? "code-error " : "")
                .append("code-intro\"").append(error != null ? " aria-invalid=\"true\"" : "").append(">")
                .append("<div class=\"actions\"><button type=\"submit\" name=\"step\" value=\"verify\">")
                .append(escape(t.get("code.submit"))).append("</button>");
        if (SENT_CODES.contains(method)) {
            html.append("<button type=\"submit\" class=\"secondary\" name=\"step\" value=\"send\" formnovalidate>")
                    .append(escape(t.get("code.resend"))).append("</button>");
        }
        html.append("</div><button type=\"submit\" class=\"link\" name=\"step\" value=\"choose\" formnovalidate>")
                .append(escape(t.get("nav.back"))).append("</button></form>");
        return page(200, v, "code.title." + method, html.toString(), v.action().redirectUrl());
    }

    /** The end of a verification: where redirect mode goes next, or "you can close this window". */
    HtmlPage done(Visit v, String returnUrl) {
        Map<String, String> t = messages.bundle(v.lang());
        String body = returnUrl == null ? p(t.get("done.close"))
                : "<p><a class=\"button\" href=\"" + escape(returnUrl) + "\">" + escape(t.get("done.continue"))
                        + "</a></p>";
        return page(returnUrl == null ? 200 : 303, v, "done.title", body, null);
    }

    /** A notice without a form: {@code <screen>.title} and {@code <screen>.message}. */
    HtmlPage notice(int status, Visit v, String screen) {
        return page(status, v, screen + ".title", p(messages.bundle(v.lang()).get(screen + ".message")), null);
    }

    private static String p(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    private static String hidden(String token, String csrf) {
        return "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + "<input type=\"hidden\" name=\"" + FormGuard.FIELD + "\" value=\"" + escape(csrf) + "\">";
    }

    /**
     * A page of the plain forms: the shell without scripts. {@code returnsTo}: the redirectUrl a post from
     * this page may be sent on to (303), which CSP {@code form-action} must allow, as browsers check it on
     * a form's redirects too.
     */
    private HtmlPage page(int status, Visit v, String headingKey, String body, String returnsTo) {
        Map<String, String> t = messages.bundle(v.lang());
        String heading = t.get(headingKey);
        String title = body.contains("role=\"alert\"") ? t.get("nojs.errorTitle").replace("{0}", heading) : heading;
        Theme theme = new Theme(v.primaryColor());
        String policy = theme.allowIn(FORM_POLICY) + origin(returnsTo).map(o -> " " + o).orElse("");
        return new HtmlPage(status, shell.render(v.lang(), Map.of("heading", heading, "title", title),
                Map.of("brand", brand(v), "content", body, "style", theme.element())), policy, List.of());
    }

    /** The tenant's logo (a data: URL) or name, as the script shows it. */
    static String brand(Visit v) {
        if (v.tenantName() == null || v.tenantName().isEmpty()) {
            return "";
        }
        return v.logoUrl() != null
                ? "<img src=\"" + escape(v.logoUrl()) + "\" alt=\"" + escape(v.tenantName()) + "\">"
                : "<span class=\"tenant-name\">" + escape(v.tenantName()) + "</span>";
    }

    /** The scheme, host and port of {@code url} as a CSP source, when it is an absolute http(s) URL. */
    static java.util.Optional<String> origin(String url) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme();
            if (u.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost()
                    + (u.getPort() >= 0 ? ":" + u.getPort() : ""));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
