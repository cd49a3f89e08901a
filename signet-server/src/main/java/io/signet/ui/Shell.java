package io.signet.ui;

import io.signet.http.HtmlPage;
import io.signet.wire.Json;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code ui/page.html}: the HTML shell the script fills in. Every value is escaped here; the
 * page's data goes into a {@code <script type="application/json">} block, which browsers never execute,
 * so the CSP can forbid inline scripts.
 */
final class Shell {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern RAW_SLOT = Pattern.compile("\\{\\{\\{(\\w+)}}}");

    private final String template = Assets.text("ui/page.html");
    private final String version;

    Shell(String version) {
        this.version = version;
    }

    /**
     * The page: {@code texts} fill {@code {{key}}} slots (escaped), {@code config} becomes the JSON block
     * ({@code {{{config}}}}), {@code {{version}}} the assets' version.
     */
    String render(String lang, Map<String, String> texts, Object config) {
        String withJson = RAW_SLOT.matcher(template).replaceAll(m -> m.group(1).equals("config")
                ? Matcher.quoteReplacement(scriptSafeJson(config)) : "");
        return SLOT.matcher(withJson).replaceAll(m -> Matcher.quoteReplacement(HtmlPage.escape(switch (m.group(1)) {
            case "lang" -> lang;
            case "version" -> version;
            default -> texts.getOrDefault(m.group(1), "");
        })));
    }

    /** JSON that cannot end its script element or open a comment: {@code < > &} and line separators escaped. */
    static String scriptSafeJson(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
