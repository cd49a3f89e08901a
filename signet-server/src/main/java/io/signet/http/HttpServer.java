package io.signet.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.RequestAuthenticator;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.wire.Json;
import java.util.List;
import java.util.function.Predicate;

/**
 * The HTTP server: Javalin on Jetty with virtual threads. Wires authentication for {@code /v1/*} and
 * {@code /admin/*} (the Client API group {@code /v1/client/*} through {@link ClientEdge}), the 1 MiB body limit, error rendering, the access log, {@code /health} and
 * {@code /metrics}, then lets each feature's {@link Routes} add its endpoints.
 */
public final class HttpServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    static final String UNAUTHORIZED_DESCRIPTION =
            "The request is unauthorized. Check that your API key and region base URL are correctly configured.";

    private final Javalin app;
    private final List<String> jsonEndpoints;

    private HttpServer(Javalin app, List<String> jsonEndpoints) {
        this.app = app;
        this.jsonEndpoints = jsonEndpoints;
    }

    /**
     * Trusts no peer's {@code X-Request-Id}. The seam for SIGNET_TRUSTED_PROXIES: pass a predicate over the
     * peer address that answers true for the configured proxy ranges.
     */
    public static final Predicate<String> NO_TRUSTED_PROXY = peer -> false;

    public static HttpServer start(String host, int port, List<Routes> features, RequestAuthenticator authenticator,
                                   ClientAuthenticator clientAuthenticator, Database db, Idempotency idempotency,
                                   PrometheusMeterRegistry metrics, boolean accessLog, boolean metricsPublic,
                                   Predicate<String> trustedProxy) {
        ClientEdge clientEdge = new ClientEdge(clientAuthenticator);
        List<String> jsonEndpoints = new java.util.ArrayList<>(List.of("GET /health", "GET /openapi.json"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.router.treatMultipleSlashesAsSingleSlash = true; // Node/Python/PHP send // after a trailing slash
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
            AccessLog log = new AccessLog(metrics, accessLog);
            config.requestLogger.http(log::record);

            // Every answer: no MIME sniffing, and no caching, since most answers carry a secret (tokens, codes,
            // recovery codes) or personal data. An endpoint serving public data may set its own Cache-Control.
            config.routes.before(ctx -> RequestIds.assign(ctx, trustedProxy));
            config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store"));
            // One filter for /v1 so the client group is told apart on the raw path, '//' included.
            config.routes.before("/v1/*", ctx -> {
                if (ClientEdge.covers(ctx.path())) {
                    clientEdge.before(ctx);
                } else {
                    authenticate(ctx, authenticator);
                }
            });
            config.routes.before("/admin/*", ctx -> authenticate(ctx, authenticator));
            config.routes.exception(SignetException.class, ErrorMapper::signet);
            config.routes.exception(HttpResponseException.class, ErrorMapper::framework);
            config.routes.exception(Exception.class, ErrorMapper::unexpected);
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !isJson(ctx)) {
                    ErrorMapper.notFound(ctx);
                }
            });
            config.routes.error(405, ctx -> {
                if (!isJson(ctx)) {
                    ErrorMapper.methodNotAllowed(ctx);
                }
            });

            config.routes.get("/health", ctx -> health(ctx, db));
            config.routes.get("/openapi.json", ctx -> Router.respond(ctx, 200, OpenApi.DOCUMENT));
            if (metricsPublic) { // otherwise /metrics is a 404 like any unknown path (SIGNET_METRICS_PUBLIC)
                config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
            }
            Router router = new Router(config.routes, idempotency);
            features.forEach(f -> f.register(router));
            jsonEndpoints.addAll(router.jsonEndpoints());
        });
        app.start();
        return new HttpServer(app, List.copyOf(jsonEndpoints));
    }

    /** Every JSON endpoint served, as "METHOD /path/{param}"; the OpenAPI document describes each. */
    public List<String> jsonEndpoints() {
        return jsonEndpoints;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    /** HTTP Basic with the secret key as user name and an empty password, as every SDK sends it (§2.2). */
    private static void authenticate(Context ctx, RequestAuthenticator authenticator) {
        String secretKey = Requests.basicUser(ctx)
                .orElseThrow(() -> new SignetException(ErrorCode.UNAUTHORIZED, UNAUTHORIZED_DESCRIPTION));
        String tenantId = authenticator.tenantIdForSecretKey(secretKey)
                .orElseThrow(() -> new SignetException(ErrorCode.UNAUTHORIZED, UNAUTHORIZED_DESCRIPTION));
        ctx.attribute(Requests.TENANT_ATTRIBUTE, tenantId);
    }

    private static void health(Context ctx, Database db) {
        boolean up = db.ping();
        Router.respond(ctx, up ? 200 : 503, up ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
    }
}
