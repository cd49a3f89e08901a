package io.signet.http;

import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * The client of one request as {@link ProxyHeaders} resolved it: its address (for audit records, logs and
 * the Client API's sending limits) and, behind a trusted proxy, the base URL it reached Signet at
 * ({@code https://auth.example.com}), or null.
 */
public record ClientOrigin(String ip, String forwardedBase) {
    static final String ATTRIBUTE = "signet.clientOrigin";
    /** The base URL of the request this thread serves; set and cleared around each request. */
    private static final ThreadLocal<String> CURRENT_BASE = new ThreadLocal<>();

    /** The resolved client of {@code ctx}; the peer address when no filter resolved one. */
    public static ClientOrigin of(Context ctx) {
        ClientOrigin origin = ctx.attribute(ATTRIBUTE);
        return origin != null ? origin : new ClientOrigin(ctx.ip(), null);
    }

    /**
     * The base URL for links (track's url, magic links) without SIGNET_PUBLIC_URL: the forwarded one during
     * a request from a trusted proxy, else {@code fallback} (the bound address).
     */
    public static Supplier<String> linkBase(Supplier<String> fallback) {
        return () -> {
            String base = CURRENT_BASE.get();
            return base != null ? base : fallback.get();
        };
    }

    /** Whether the browser reached Signet over https: directly, or through a trusted proxy that says so. */
    public static boolean https(Context ctx) {
        ClientOrigin origin = of(ctx); // the forwarded scheme counts only from a trusted proxy
        return "https".equalsIgnoreCase(ctx.scheme())
                || (origin.forwardedBase() != null && origin.forwardedBase().startsWith("https:"));
    }

    static void enter(Context ctx, ProxyHeaders proxies) {
        ClientOrigin origin = proxies.resolve(ctx.req().getRemoteAddr(),
                name -> java.util.Collections.list(ctx.req().getHeaders(name)));
        ctx.attribute(ATTRIBUTE, origin);
        // Set or cleared by every request's first filter, so nothing of an earlier request on this thread
        // stays. (Not cleared in an after-handler: one on every path would become the request's matched
        // endpoint and hide the route template from the access log and the metrics.)
        if (origin.forwardedBase() != null) {
            CURRENT_BASE.set(origin.forwardedBase());
        } else {
            CURRENT_BASE.remove();
        }
    }
}
