package io.signet.action;

import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of track's own fields (the user attributes go through {@code UserService.validate}). */
final class TrackFields {
    static final String DEFAULT_SCOPE = "read:authenticators";
    private static final Set<String> SCOPES = Set.of("read:authenticators", "add:authenticators",
            "update:authenticators", "remove:authenticators");
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:[0-9]{1,5})?$");

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,4}");

    private TrackFields() {
    }

    /**
     * track's {@code locale}, kept for the hosted page's language when it is a language tag such as
     * {@code de} or {@code en-NZ}; anything else is ignored rather than refused, as callers send it free-form.
     */
    static String locale(String value) {
        return value != null && LOCALE.matcher(value).matches() ? value.replace('_', '-') : null;
    }

    static void check(TrackRequest r) {
        text("ipAddress", r.ipAddress(), 255);
        text("userAgent", r.userAgent(), 1024);
        text("deviceId", r.deviceId(), 255);
        if (r.redirectUrl() != null) {
            text("redirectUrl", r.redirectUrl(), 2048);
            try {
                URI uri = new URI(r.redirectUrl());
                if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                        || uri.getHost() == null) {
                    throw new URISyntaxException(r.redirectUrl(), "not absolute");
                }
            } catch (URISyntaxException e) {
                throw SignetException.invalid("'redirectUrl' must be an absolute http or https URL.");
            }
        }
        if (r.customDomain() != null && !HOST.matcher(r.customDomain()).matches()) {
            throw SignetException.invalid("'customDomain' must be a host name such as auth.example.com.");
        }
    }

    /** Space-separated Authsignal scopes (docs/server-api.md §4.3 "Other enums"); {@code read:authenticators} when absent. */
    static String scope(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SCOPE;
        }
        for (String s : value.trim().split(" +")) {
            if (!SCOPES.contains(s)) {
                throw SignetException.invalid("'scope' must be space-separated values of read:authenticators, "
                        + "add:authenticators, update:authenticators, remove:authenticators.");
            }
        }
        return value.trim();
    }

    private static void text(String field, String value, int max) {
        BoundedText.optional(field, value, max);
    }
}
