package io.signet.ui;

import java.util.List;
import java.util.Map;

/**
 * What the page's script starts from, rendered as JSON into the shell. Nothing here is secret beyond what
 * the token in the URL already grants; the token itself is not repeated. The tenant's name, logo and colour
 * are in the served HTML instead, so they show without the script too.
 *
 * @param screen         {@code app}, or {@code invalid} / {@code blocked} for pages the script leaves alone
 * @param mode           {@code redirect} or {@code popup} ({@code popup} also for window mode)
 * @param redirectUrl    where redirect mode returns, the one track validated and stored; null: none
 * @param origins        popup mode: the only targets of {@code postMessage}
 * @param methods        the user's enrolled methods the page can run, the default first
 * @param enrollable     methods the page can enrol
 * @param enrol          offer enrolment: the user has no method, or the token has {@code add:authenticators}
 * @param recoveryCode   offer "use a recovery code"
 */
record PageConfig(
        String screen,
        String lang,
        String mode,
        String redirectUrl,
        List<String> origins,
        boolean anyLocalhostPort,
        String state,
        List<String> methods,
        List<String> enrollable,
        boolean enrol,
        boolean recoveryCode,
        Map<String, String> messages) {

    /** A page that only shows a notice; in popup mode it still tells the app it is ready and its height. */
    static PageConfig notice(String screen, String lang, Mode mode, PageOrigins origins) {
        return new PageConfig(screen, lang, mode.wire(), null, origins.origins(),
                origins.anyLocalhostPort(), null, List.of(), List.of(), false, false, Map.of());
    }
}
