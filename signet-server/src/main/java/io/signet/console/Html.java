package io.signet.console;

import io.signet.http.HtmlPage;
import io.signet.text.UrlEncoding;
import java.util.List;

/**
 * The console's small HTML vocabulary. Every value from data goes through {@link #text}; a method taking
 * {@code html} takes markup built here, never a raw value.
 */
final class Html {
    private Html() {
    }

    /** Text escaped for element content and quoted attributes; null as empty. */
    static String text(Object value) {
        return value == null ? "" : HtmlPage.escape(String.valueOf(value));
    }

    /** A query-string value. */
    static String q(String value) {
        return UrlEncoding.form(value == null ? "" : value);
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + text(name) + "\" value=\"" + text(value) + "\">";
    }

    /** A labelled text input; {@code extra} is further trusted attributes such as {@code required}. */
    static String field(String id, String label, String value, String extra) {
        return "<div class=\"field\"><label for=\"" + text(id) + "\">" + text(label) + "</label><input id=\""
                + text(id) + "\" name=\"" + text(id) + "\" value=\"" + text(value) + "\" " + extra + "></div>";
    }

    /** The required reason every console change is audited with. */
    static String reason(String id) {
        return field(id, "Reason (kept in the audit log)", "", "required maxlength=\"500\" autocomplete=\"off\"");
    }

    /**
     * A form that posts to {@code action} with the session's CSRF field; {@code inner} is trusted markup, the
     * last element of which is usually the submit button.
     */
    static String post(String action, String csrf, String inner) {
        return "<form method=\"post\" action=\"" + text(action) + "\">" + hidden("csrf", csrf) + inner + "</form>";
    }

    static String button(String label, String cssClass) {
        return "<button type=\"submit\" class=\"" + text(cssClass) + "\">" + text(label) + "</button>";
    }

    static String link(String href, String label) {
        return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
    }

    /** A table with a caption (for screen readers), column headers and rows of trusted cell markup. */
    static String table(String caption, List<String> headers, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<div class=\"table\"><table><caption>").append(text(caption))
                .append("</caption><thead><tr>");
        headers.forEach(h -> html.append("<th scope=\"col\">").append(text(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(headers.size()).append("\">None.</td></tr>");
        }
        // Each cell names its column (data-label): on a narrow screen the style sheet shows rows as stacked
        // cards, a label before each value, instead of squeezing every column into 375 px.
        rows.forEach(r -> {
            html.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                html.append("<td data-label=\"").append(text(headers.get(i))).append("\">").append(r.get(i))
                        .append("</td>");
            }
            html.append("</tr>");
        });
        return html.append("</tbody></table></div>").toString();
    }

    /** A definition list of label and trusted value markup, in pairs. */
    static String facts(String... labelThenHtml) {
        StringBuilder html = new StringBuilder("<dl class=\"facts\">");
        for (int i = 0; i < labelThenHtml.length; i += 2) {
            html.append("<dt>").append(text(labelThenHtml[i])).append("</dt><dd>").append(labelThenHtml[i + 1])
                    .append("</dd>");
        }
        return html.append("</dl>").toString();
    }

    static String section(String heading, String inner) {
        return "<section><h2>" + text(heading) + "</h2>" + inner + "</section>";
    }

    /** Pretty JSON (custom data, conditions, explanations) in a preformatted block. */
    static String json(Object value) {
        return "<pre class=\"json\">" + text(value == null ? "" : io.signet.wire.Json.pretty(value)) + "</pre>";
    }
}
