package io.signet.tenant;

import io.signet.text.BoundedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing and defaults of the client identity settings: origins and relying-party ids. */
final class Origins {
    static final int MAX_ORIGINS = 50;
    private static final Pattern LOCALHOST = Pattern.compile("http://localhost(:\\d{1,5})?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

    private Origins() {
    }

    static boolean isLocalhost(String origin) {
        return LOCALHOST.matcher(origin).matches();
    }

    /**
     * An origin as browsers send it: {@code scheme://host[:port]}, lower case, the default port left out;
     * http or https only, no path (a lone trailing '/' is dropped), query, fragment or user info.
     */
    static String origin(String value) {
        String invalid = "'expectedOrigins' entries must be origins such as https://app.example.com or "
                + "http://localhost:3000 (scheme, host and optional port; no path), got '" + value + "'.";
        if (value == null || value.length() > 300) {
            throw new IllegalArgumentException(invalid);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(invalid);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(invalid);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** A relying-party id: a host name (not an IP address, not a URL), lower case. */
    static String rpId(String value) {
        String invalid = "'rpId' must be a host name such as example.com or localhost (no scheme, port or path; "
                + "not an IP address), got '" + value + "'.";
        if (value == null || value.isEmpty() || value.length() > 253) {
            throw new IllegalArgumentException(invalid);
        }
        String id = value.toLowerCase(Locale.ROOT);
        if (IPV4.matcher(id).matches()) {
            throw new IllegalArgumentException(invalid);
        }
        for (String label : id.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException(invalid);
            }
        }
        return id;
    }

    static String rpName(String value) {
        if (!BoundedText.isName(value, 100)) {
            throw new IllegalArgumentException("'rpName' must be 1 to 100 characters without control characters.");
        }
        return value.strip();
    }

    /** The default rpId: the public URL's host, or localhost when that host is an IP address. */
    static String defaultRpId(String publicUrl) {
        String host = URI.create(publicUrl).getHost().toLowerCase(Locale.ROOT);
        return IPV4.matcher(host).matches() || host.startsWith("[") || host.contains(":") ? "localhost" : host;
    }
}
