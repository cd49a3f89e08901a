package io.signet.webhook;

import io.signet.error.SignetException;
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
    /** A host whose last label is a number (decimal, octal or hex) is an address, not a domain name. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)^(.*\\.)?(0x[0-9a-f]*|[0-9]+)\\.?$");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");

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
        if (NUMERIC_HOST.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            // 2130706433, 127.1, 0177.0.0.1 or 0x7f.0.0.1: some resolvers read them as 127.0.0.1, others not
            throw SignetException.invalid("'url' has a numeric host that is not a dotted-decimal IPv4 address "
                    + "such as 203.0.113.7.");
        }
        if (host.startsWith("[") || CANONICAL_IPV4.matcher(host).matches()) {
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
