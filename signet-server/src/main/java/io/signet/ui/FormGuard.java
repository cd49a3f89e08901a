package io.signet.ui;

import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import java.util.regex.Pattern;

/**
 * CSRF protection of forms shown before there is a session: the hosted page's plain forms (JavaScript off),
 * and the admin console's sign-in and enrollment forms. The page sets a random, HttpOnly,
 * {@code SameSite=Strict} cookie and puts into each form a keyed hash of that cookie and the page's token.
 * A post counts only when both arrive and match: another site can neither read the form field nor make the
 * browser send the cookie, and a field copied from one page works for no other token or browser.
 */
public final class FormGuard {
    public static final String COOKIE = "signet_ui_form";
    public static final String FIELD = "csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int COOKIE_BYTES = 32;
    /** As long as the longest-lived token the page works with: a track token lives 10 minutes. */
    private static final int MAX_AGE_SECONDS = 15 * 60;

    private final SecretHasher hasher;

    public FormGuard(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * @param field     the form field for the page's token
     * @param setCookie the {@code Set-Cookie} header to send, or null when the browser's cookie is kept
     */
    public record Issued(String field, String setCookie) {
    }

    /**
     * The form field for {@code token}, and a new cookie when the browser has none ({@code cookie}, as it
     * sent it): another tab's page keeps its own forms working, because an existing cookie is reused.
     * {@code secure}: the page was reached over https, so the cookie is never sent over plain http.
     */
    public Issued issue(String cookie, String token, boolean secure) {
        if (cookie != null && WELL_FORMED.matcher(cookie).matches()) {
            return new Issued(field(cookie, token), null);
        }
        String fresh = RandomTokens.base64Url(COOKIE_BYTES);
        return new Issued(field(fresh, token), COOKIE + "=" + fresh + "; Max-Age=" + MAX_AGE_SECONDS
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    /** Whether a post's {@code field} is the one the browser's {@code cookie} and {@code token} call for. */
    public boolean accepts(String cookie, String field, String token) {
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
