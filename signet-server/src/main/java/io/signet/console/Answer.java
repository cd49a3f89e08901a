package io.signet.console;

import io.signet.http.HtmlPage;
import java.util.ArrayList;
import java.util.List;

/** A console page, or a 303 to {@code location}, with the cookies to set. */
record Answer(HtmlPage page, String location, List<String> cookies) {
    Answer {
        cookies = List.copyOf(cookies);
    }

    static Answer page(HtmlPage page) {
        return new Answer(page, null, List.of());
    }

    /** Post/redirect/get: a 303, so reloading the next page repeats nothing. */
    static Answer redirect(String location) {
        return new Answer(new HtmlPage(303, "", Layout.POLICY, List.of()), location, List.of());
    }

    Answer withCookie(String setCookie) {
        List<String> all = new ArrayList<>(cookies);
        all.add(setCookie);
        return new Answer(page, location, all);
    }
}
