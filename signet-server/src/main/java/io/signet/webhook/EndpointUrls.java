package io.signet.webhook;

import io.signet.http.SignetException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of an endpoint URL when it is configured: {@code https}, or {@code http} only with
 * {@code SIGNET_WEBHOOK_ALLOW_PRIVATE=true}; no credentials or fragment; a literal IP address is checked with
 * {@link AddressGuard} at once. Host names are resolved and checked at every delivery, not here, since the
 * answer can change.
 */
final class EndpointUrls {
    static final int MAX_LENGTH = 2048;
    private static final Pattern IPV4_LITERAL = Pattern.compile("^[0-9.]+$");

    private EndpointUrls() {
    }

    static String check(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            throw SignetException.invalid("'url' is required.");
        }
        if (url.length() > MAX_LENGTH) {
            throw SignetException.invalid("'url' must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw SignetException.invalid("'url' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPrivate)) {
            throw SignetException.invalid("'url' must start with https://"
                    + (allowPrivate ? " or http://." : " (http:// is allowed only with SIGNET_WEBHOOK_ALLOW_PRIVATE=true)."));
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw SignetException.invalid("'url' must name a host and have no user name, password or #fragment.");
        }
        String host = uri.getHost();
        if (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches()) {
            try {
                AddressGuard.refusal(scheme, List.of(InetAddress.getByName(host)), allowPrivate).ifPresent(reason -> {
                    throw SignetException.invalid("'url' is not allowed: " + reason + ".");
                });
            } catch (UnknownHostException e) {
                throw SignetException.invalid("'url' has an invalid IP address.");
            }
        }
        return url;
    }
}
