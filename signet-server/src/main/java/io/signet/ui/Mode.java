package io.signet.ui;

/**
 * How the app opened the page (docs/client-api.md §10 "Out of scope"): {@code launch(url)} navigates to it
 * (redirect), while {@code launch(url, {mode: "popup" | "window"})} appends {@code &mode=popup} to it in
 * an iframe or a new window, and then listens for the page's {@code postMessage}s.
 */
enum Mode {
    REDIRECT,
    POPUP;

    /** {@code mode=popup} selects popup; anything else (or nothing) is a redirect, as the SDK does. */
    static Mode of(String query) {
        return "popup".equals(query) ? POPUP : REDIRECT;
    }

    String wire() {
        return this == POPUP ? "popup" : "redirect";
    }
}
