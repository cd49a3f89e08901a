package io.signet.ui;

import io.javalin.http.Context;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import java.util.regex.Pattern;

/**
 * CSRF protection of the page's plain forms (JavaScript off). The page sets a random, HttpOnly,
 * {@code SameSite=Strict} cookie and puts into each form a keyed hash of that cookie and the page's token.
 * A post counts only when both arrive and match: another site can neither read the form field nor make the
 * browser send the cookie, and a field copied from one page works for no other token or browser.
 */
final class FormGuard {
    static final String COOKIE = "signet_ui_form";
    static final String FIELD = "csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int COOKIE_BYTES = 32;
    /** As long as the longest-lived token the page works with: a track token lives 10 minutes. */
    private static final int MAX_AGE_SECONDS = 15 * 60;

    private final SecretHasher hasher;

    FormGuard(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * The form field for {@code token}, setting the browser's cookie first when it has none (another tab's
     * page keeps its own forms working, because an existing cookie is reused).
     */
    String issue(Context ctx, String token) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || !WELL_FORMED.matcher(cookie).matches()) {
            cookie = RandomTokens.base64Url(COOKIE_BYTES);
            boolean secure = "https".equalsIgnoreCase(ctx.scheme())
                    || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + cookie + "; Max-Age=" + MAX_AGE_SECONDS
                    + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        }
        return field(cookie, token);
    }

    /** Whether the post carries the field this browser's cookie and {@code token} call for. */
    boolean accepts(Context ctx, String token) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        return cookie != null && WELL_FORMED.matcher(cookie).matches() && field != null && token != null
                && hasher.matches(field, purpose(cookie), token);
    }

    private String field(String cookie, String token) {
        return hasher.hash(purpose(cookie), token);
    }

    private static String purpose(String cookie) {
        return "ui-form:" + cookie;
    }
}
