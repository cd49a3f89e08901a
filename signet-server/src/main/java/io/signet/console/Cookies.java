package io.signet.console;

/**
 * The console's cookies, all HttpOnly, {@code SameSite=Strict} and scoped to {@code /console}; {@code Secure}
 * is added where the browser came over https ({@link ConsoleRoutes}). The session cookie has no Max-Age: the
 * server ends sessions ({@link ConsoleSessions#IDLE}, {@link ConsoleSessions#ABSOLUTE}), the browser at exit.
 */
final class Cookies {
    static final String SESSION = "signet_console";
    /** The key of the sign-in started in this browser, so its returned token signs in only this browser. */
    static final String PENDING = "signet_console_pending";
    private static final String FLAGS = "; Path=/console; HttpOnly; SameSite=Strict";
    private static final int PENDING_SECONDS = 15 * 60;

    private Cookies() {
    }

    /** Sets the session cookie, or clears it when {@code token} is null. */
    static String session(String token) {
        return token == null ? SESSION + "=" + FLAGS + "; Max-Age=0" : SESSION + "=" + token + FLAGS;
    }

    /** Sets the pending sign-in cookie, or clears it when {@code key} is null. */
    static String pending(String key) {
        return key == null ? PENDING + "=" + FLAGS + "; Max-Age=0"
                : PENDING + "=" + key + FLAGS + "; Max-Age=" + PENDING_SECONDS;
    }
}
