package io.signet.ui;

import io.signet.crypto.Sha256;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tenant's primary colour in the page, with or without its script: one {@code <style>} element, allowed
 * by its hash in the page's CSP (so {@code 'unsafe-inline'} is never needed), and the text colour on it that
 * reads best (black or white by WCAG contrast).
 */
final class Theme {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final String style;

    /** {@code primaryColor}: {@code #rrggbb} as branding stores it, or null for the default colours. */
    Theme(String primaryColor) {
        this.style = primaryColor == null || !COLOR.matcher(primaryColor).matches() ? ""
                : ":root{--primary:" + primaryColor.toLowerCase(Locale.ROOT) + ";--on-primary:"
                        + readableOn(primaryColor) + "}";
    }

    /** The {@code <style>} element for the page's head; empty without a colour. */
    String element() {
        return style.isEmpty() ? "" : "<style>" + style + "</style>";
    }

    /** {@code policy} with this style's hash added to its {@code style-src} (which must be present). */
    String allowIn(String policy) {
        return style.isEmpty() ? policy : policy.replace("style-src 'self'", "style-src 'self' '" + hash() + "'");
    }

    private String hash() {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(style));
    }

    /** Black or white, whichever has more contrast on {@code hex} (WCAG relative luminance). */
    static String readableOn(String hex) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double l = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }
}
