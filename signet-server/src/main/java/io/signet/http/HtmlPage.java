package io.signet.http;

import java.util.Objects;

/**
 * A small self-contained HTML page for a person's browser. Title and message are plain text, escaped
 * here, so a caller can never inject markup.
 */
public record HtmlPage(int status, String html) {
    public HtmlPage {
        Objects.requireNonNull(html);
    }

    public static HtmlPage of(int status, String title, String message) {
        return new HtmlPage(status, """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;\
                color:#222}h1{font-size:1.4rem}</style></head>
                <body><h1>%1$s</h1><p>%2$s</p></body></html>
                """.formatted(escape(title), escape(message)));
    }

    static String escape(String text) {
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
