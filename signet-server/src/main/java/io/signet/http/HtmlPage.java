package io.signet.http;

import java.util.List;
import java.util.Objects;

/**
 * A small self-contained HTML page for a person's browser. Title and message are plain text, escaped
 * here, so a caller can never inject markup.
 *
 * @param contentSecurityPolicy the page's CSP; without a {@code frame-ancestors} directive the router adds
 *                              {@code frame-ancestors 'none'}
 * @param frameAncestors        origins that may frame the page (CSP source expressions such as
 *                              {@code https://app.example.com}); empty: nobody may
 */
public record HtmlPage(int status, String html, String contentSecurityPolicy, List<String> frameAncestors) {
    /** The policy of self-contained pages: no script at all, styles only inline. */
    public static final String SELF_CONTAINED = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
    /** The policy of pages with scripts and styles from their own origin only, never inline (the hosted page, the console). */
    public static final String SCRIPTS_FROM_SELF = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'";

    public HtmlPage {
        Objects.requireNonNull(html);
        Objects.requireNonNull(contentSecurityPolicy);
        frameAncestors = List.copyOf(frameAncestors);
    }

    /** A self-contained page that no other page may frame. */
    public HtmlPage(int status, String html) {
        this(status, html, SELF_CONTAINED, List.of());
    }

    public static HtmlPage of(int status, String title, String message) {
        return page(status, title, message, "");
    }

    /**
     * A page whose button posts a form back to the page's own address, with one hidden field: an action a
     * person must choose, which merely opening the address (a mail scanner, a link preview) does not do.
     */
    public static HtmlPage confirm(String title, String message, String button, String field, String value) {
        return page(200, title, message, """
                <form method="post"><input type="hidden" name="%s" value="%s">\
                <button type="submit">%s</button></form>""".formatted(escape(field), escape(value), escape(button)));
    }

    private static HtmlPage page(int status, String title, String message, String trustedHtml) {
        return new HtmlPage(status, """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;\
                color:#222}h1{font-size:1.4rem}</style></head>
                <body><h1>%1$s</h1><p>%2$s</p>%3$s</body></html>
                """.formatted(escape(title), escape(message), trustedHtml));
    }

    /** Escapes text for HTML content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
