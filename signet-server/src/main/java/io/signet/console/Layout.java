package io.signet.console;

import io.signet.http.HtmlPage;
import io.signet.tenant.Tenant;
import java.util.List;
import java.util.Map;

/**
 * The console's page shell: skip link, navigation, tenant picker, operator and sign-out, then the page. The
 * style sheet and the one small module come from the jar ({@code console/assets/}); the CSP allows no inline
 * script or style, and the router adds {@code frame-ancestors 'none'}. Every page works without the script.
 */
final class Layout {
    static final String POLICY = HtmlPage.SCRIPTS_FROM_SELF;
    /** Top-level pages: path and label. */
    private static final List<String[]> NAV = List.of(new String[] {"/console/users", "Users"},
            new String[] {"/console/rules", "Rules"}, new String[] {"/console/webhooks", "Webhooks"},
            new String[] {"/console/tenants", "Tenants"}, new String[] {"/console/audit", "Audit log"});
    /** Fixed notices a redirect may ask for ({@code ?notice=}); never text from the request itself. */
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("authenticator-deleted", "The authenticator was deleted."),
            Map.entry("sessions-revoked", "The user's sessions were revoked."),
            Map.entry("user-deleted", "The user and everything they had were deleted."),
            Map.entry("rule-saved", "The rule was saved."),
            Map.entry("rule-deleted", "The rule was deleted."),
            Map.entry("key-revoked", "The key was revoked."),
            Map.entry("redelivered", "The event was queued for delivery again."),
            Map.entry("nothing-redelivered", "Nothing was queued: the event has no delivery to this endpoint."),
            Map.entry("signed-out", "You signed out."),
            Map.entry("expired", "Your session ended. Sign in again."));

    private final String version;

    Layout(String version) {
        this.version = version;
    }

    /** A page of the signed-in console. {@code body} is trusted markup. */
    HtmlPage page(int status, ConsoleRequest r, String title, String body) {
        StringBuilder nav = new StringBuilder("<nav aria-label=\"Console\"><ul>");
        for (String[] item : NAV) {
            boolean current = r.path().equals(item[0]) || r.path().startsWith(item[0] + "/");
            nav.append("<li><a href=\"").append(Html.text(r.at(item[0]))).append('"')
                    .append(current ? " aria-current=\"page\"" : "").append('>').append(Html.text(item[1]))
                    .append("</a></li>");
        }
        nav.append("</ul></nav>");
        String header = "<header class=\"bar\"><a class=\"brand\" href=\"" + Html.text(r.at("/console/users"))
                + "\">Signet console</a>" + nav + picker(r) + "<div class=\"who\"><span>" + Html.text(r.operator().email())
                + "</span>" + Html.post("/console/sign-out", r.csrf(), Html.button("Sign out", "secondary"))
                + "</div></header>";
        return new HtmlPage(status, shell(title, header, notice(r.param("notice")) + body), POLICY, List.of());
    }

    /** A page before sign-in (sign-in, enrollment, their errors). */
    HtmlPage plain(int status, String title, String notice, String body) {
        String header = "<header class=\"bar\"><span class=\"brand\">Signet console</span></header>";
        return new HtmlPage(status, shell(title, header, notice(notice) + body), POLICY, List.of());
    }

    /**
     * The picker: a GET form back to this page, sent with its button (not on change: a keyboard user moving
     * through the options would leave the page at the first one, WCAG 3.2.2).
     */
    private static String picker(ConsoleRequest r) {
        if (r.tenants().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<form method=\"get\" class=\"picker\" action=\"")
                .append(Html.text(r.path())).append("\"><label for=\"tenant\">Tenant</label>")
                .append("<select id=\"tenant\" name=\"tenant\">");
        for (Tenant t : r.tenants()) {
            html.append("<option value=\"").append(Html.text(t.tenantId())).append('"')
                    .append(t.tenantId().equals(r.tenantId()) ? " selected" : "").append('>')
                    .append(Html.text(t.name())).append("</option>");
        }
        return html.append("</select><button type=\"submit\" class=\"secondary\">Switch</button></form>").toString();
    }

    private static String notice(String code) {
        String text = code == null ? null : NOTICES.get(code);
        return text == null ? "" : "<p class=\"notice\" role=\"status\">" + Html.text(text) + "</p>";
    }

    private String shell(String title, String header, String main) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>%1$s · Signet console</title>
                <link rel="stylesheet" href="/console/assets/console.css?v=%2$s">
                <script type="module" src="/console/assets/console.js?v=%2$s"></script>
                </head><body>
                <a class="skip" href="#main">Skip to content</a>
                %3$s
                <main id="main" tabindex="-1"><h1>%1$s</h1>
                %4$s
                </main></body></html>
                """.formatted(Html.text(title), Html.text(version), header, main);
    }

    /** A refusal: the service's message (written for people) and a way back. */
    HtmlPage refused(ConsoleRequest r, int status, String message, String back) {
        return page(status, r, "Not done", "<p class=\"error\" role=\"alert\">" + Html.text(message) + "</p><p>"
                + Html.link(back, "Back") + "</p>");
    }
}
