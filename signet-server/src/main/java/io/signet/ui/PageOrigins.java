package io.signet.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The app origins a tenant's hosted page works with in popup and window mode: only they may frame it
 * ({@code frame-ancestors}) and only they receive its {@code postMessage}s (docs/client-api.md §10 "Out of scope").
 * These are the tenant's expected origins, the same list CORS and WebAuthn use.
 *
 * @param origins          exact origins such as {@code https://app.example.com}
 * @param anyLocalhostPort also every {@code http://localhost:<port>} (the local-development default)
 */
public record PageOrigins(List<String> origins, boolean anyLocalhostPort) {
    public PageOrigins {
        origins = List.copyOf(origins);
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
