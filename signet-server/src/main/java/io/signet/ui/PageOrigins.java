package io.signet.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The app origins a tenant's hosted page works with in popup and window mode: only they may frame it
 * ({@code frame-ancestors}) and only they receive its {@code postMessage}s (authsignal-client-api.md §10).
 * These are the tenant's expected origins, the same list CORS and WebAuthn use.
 *
 * @param origins          exact origins such as {@code https://app.example.com}
 * @param anyLocalhostPort also every {@code http://localhost:<port>} (the local-development default)
 */
public record PageOrigins(List<String> origins, boolean anyLocalhostPort) {
    public PageOrigins {
        origins = List.copyOf(origins);
    }

    /**
     * The default of design.md while a tenant has not set expectedOrigins: the origin of the public URL,
     * plus any localhost port while that URL's host is localhost or an IP address.
     */
    public static PageOrigins defaults(String publicUrl) {
        java.net.URI uri = java.net.URI.create(publicUrl);
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean local = host.equals("localhost") || host.matches("[0-9.]+") || host.startsWith("[");
        String origin = uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return new PageOrigins(List.of(origin), local);
    }

    /** The same origins as CSP source expressions; a port wildcard stands for "any localhost port". */
    List<String> frameAncestors() {
        List<String> sources = new ArrayList<>(origins);
        if (anyLocalhostPort) {
            sources.add("http://localhost:*");
        }
        return sources;
    }
}
