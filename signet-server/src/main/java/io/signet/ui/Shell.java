package io.signet.ui;

import io.signet.http.HtmlPage;
import io.signet.wire.Json;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code ui/page.html}: the HTML shell the script fills in, and without its scripts the page of the
 * plain forms. Every text is escaped here; the page's data goes into a {@code <script type="application/json">}
 * block, which browsers never execute, so the CSP can forbid inline scripts.
 */
final class Shell {
    /** {@code {{{trusted}}}} or {@code {{text}}}. */
    private static final Pattern SLOT = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(\\w+)}}");

    /** The page's scripts, in the order they run; each reads what the one before it left in window.signetUi. */
    private static final String[] SCRIPTS = {"signet-ui-core.js", "signet-ui-passkeys.js", "signet-ui.js"};

    private final String template = Assets.text("ui/page.html");
    private final String version;

    Shell(String version) {
        this.version = version;
    }

    /** The {@code scripts} slot of the scripted page: its data as JSON, then its scripts from the jar. */
    String scripts(Object config) {
        StringBuilder html = new StringBuilder("<script type=\"application/json\" id=\"signet-ui-config\">")
                .append(scriptSafeJson(config)).append("</script>");
        for (String script : SCRIPTS) {
            html.append("\n<script src=\"ui/assets/").append(script).append("?v=").append(version)
                    .append("\" defer></script>");
        }
        return html.toString();
    }

    /**
     * The page: {@code texts} fill {@code {{key}}} slots (escaped), {@code trusted} fills {@code {{{key}}}}
     * slots as they are (markup this package built with every value escaped, or {@link #scriptSafeJson}),
     * {@code {{version}}} is the assets' version.
     */
    String render(String lang, Map<String, String> texts, Map<String, String> trusted) {
        // One pass, so a value inserted (a tenant's name, say) is never read as a slot itself.
        return SLOT.matcher(template).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? trusted.getOrDefault(m.group(1), "")
                : HtmlPage.escape(switch (m.group(2)) {
                    case "lang" -> lang;
                    case "version" -> version;
                    default -> texts.getOrDefault(m.group(2), "");
                })));
    }

    /** JSON that cannot end its script element or open a comment: {@code < > &} and line separators escaped. */
    static String scriptSafeJson(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
