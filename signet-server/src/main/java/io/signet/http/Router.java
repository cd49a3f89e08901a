package io.signet.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.signet.error.SignetException;
import io.signet.wire.Json;

/**
 * What features see of the web framework: add an {@link Endpoint} under a method and path. Every
 * endpoint answers 200 with a JSON body (docs/server-api.md §2.5 "Responses": no 201/204, always a body).
 * Mutating endpoints go through {@link Idempotency} so an {@code Idempotency-Key} retry replays the
 * first response.
 */
public final class Router {
    private final RoutesConfig routes;
    private final Idempotency idempotency;
    private final List<Route> added = new ArrayList<>();
    private final List<String> jsonEndpoints = new ArrayList<>();

    /** An endpoint waiting for {@link #install}. */
    private record Route(HandlerType method, String path, Handler handler) {
    }

    Router(RoutesConfig routes, Idempotency idempotency) {
        this.routes = routes;
        this.idempotency = idempotency;
    }

    private void add(HandlerType method, String path, Handler handler) {
        added.add(new Route(method, path, handler));
    }

    /**
     * Hands every added endpoint to Javalin, the most specific path first. Javalin answers a request with the
     * first matching endpoint in the order it got them, so without this {@code POST /v1/users/authenticators}
     * would reach whichever of it and {@code POST /v1/users/{userId}} a feature happened to register first.
     * Sorted, a literal segment always wins over a parameter in the same place, whatever order features
     * register in.
     */
    void install() {
        added.stream().sorted(Comparator.comparing(Route::path, Router::bySpecificity))
                .forEach(r -> routes.addHttpHandler(r.method(), r.path(), r.handler()));
        added.clear();
    }

    /**
     * Compares paths segment by segment: literal before literal-with-parameter before parameter before wildcard.
     * Equally specific paths keep the order they were added in (the sort is stable).
     */
    static int bySpecificity(String a, String b) {
        String[] as = a.split("/");
        String[] bs = b.split("/");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = Integer.compare(rank(as[i]), rank(bs[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length); // never match the same request; a total order sorts safely
    }

    private static int rank(String segment) {
        if (segment.contains("*") || segment.contains("<")) {
            return 3;
        }
        if (!segment.contains("{")) {
            return 0;
        }
        return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('{', 1) < 0 ? 2 : 1;
    }

    /**
     * A check run before every request under {@code path} (a pattern such as {@code /operator/*}), for a route
     * group with an authentication of its own; it refuses a request by throwing a {@link SignetException}.
     */
    public void before(String path, Handler check) {
        routes.before(path, check);
    }

    public void get(String path, Endpoint endpoint) {
        jsonEndpoints.add("GET " + path);
        add(HandlerType.GET, path, json(endpoint));
    }

    public void post(String path, Endpoint endpoint) {
        jsonEndpoints.add("POST " + path);
        add(HandlerType.POST, path, idempotent(endpoint));
    }

    public void patch(String path, Endpoint endpoint) {
        jsonEndpoints.add("PATCH " + path);
        add(HandlerType.PATCH, path, idempotent(endpoint));
    }

    public void delete(String path, Endpoint endpoint) {
        jsonEndpoints.add("DELETE " + path);
        add(HandlerType.DELETE, path, idempotent(endpoint));
    }

    /** Every JSON endpoint added so far, as "METHOD /path/{param}": what the OpenAPI document must describe. */
    List<String> jsonEndpoints() {
        return List.copyOf(jsonEndpoints);
    }

    /**
     * A page for a person's browser rather than an SDK (e.g. an opened magic link): HTML, never cached,
     * kept out of referrers, because its URL carries a one-time secret; framed only by the origins the page
     * names ({@code X-Frame-Options: DENY} too when none, for browsers without CSP frame-ancestors).
     */
    public void page(String path, java.util.function.Function<Context, HtmlPage> page) {
        add(HandlerType.GET, path, html(page));
    }

    /** The {@code POST} a page's form sends back (a button press), answered with a page like {@link #page}. */
    public void form(String path, java.util.function.Function<Context, HtmlPage> page) {
        add(HandlerType.POST, path, html(page));
    }

    private static Handler html(java.util.function.Function<Context, HtmlPage> page) {
        return ctx -> {
            HtmlPage p = page.apply(ctx);
            String ancestors = p.frameAncestors().isEmpty() ? "'none'" : String.join(" ", p.frameAncestors());
            ctx.status(p.status())
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", p.contentSecurityPolicy() + "; frame-ancestors " + ancestors)
                    .contentType("text/html; charset=utf-8")
                    .result(p.html());
            if (p.frameAncestors().isEmpty()) {
                ctx.header("X-Frame-Options", "DENY");
            }
        };
    }

    /**
     * A static file served from memory (a page's script or style sheet). Its URL carries a version of the
     * content, so browsers may keep it for a day; {@code nosniff} so it is used only as what it is.
     */
    public void asset(String path, String contentType, byte[] body) {
        byte[] copy = body.clone();
        add(HandlerType.GET, path, ctx -> ctx.status(200)
                .header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(contentType)
                .result(copy));
    }

    private static Handler json(Endpoint endpoint) {
        return ctx -> respond(ctx, 200, Json.write(endpoint.handle(ctx)));
    }

    private Handler idempotent(Endpoint endpoint) {
        return ctx -> idempotency.handle(ctx, () -> Json.write(endpoint.handle(ctx)));
    }

    /** Writes a JSON body with exactly {@code application/json}: Python parses only that (§2.5). */
    static void respond(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json);
    }
}
