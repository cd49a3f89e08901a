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
import io.signet.store.DatabaseUnavailableException;
import io.signet.wire.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP server: Javalin on Jetty with virtual threads. Wires authentication for {@code /v1/*} and
 * {@code /admin/*} (the Client API group {@code /v1/client/*} through {@link ClientEdge}), the 1 MiB body limit, error rendering, the access log, {@code /health} and
 * {@code /metrics}, then lets each feature's {@link Routes} add its endpoints.
 */
public final class HttpServer implements AutoCloseable {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Request line and headers together; beyond it Jetty answers 431 before any route runs. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * A connection with nothing to read or write for this long is closed. A client trickling bytes (slowloris)
     * holds no thread while it sends headers (Jetty reads them without one), and while it trickles a body it
     * holds one virtual thread, not a platform thread. No minimum data rate: Jetty measures it from the start
     * of the request, so a small body read after a slow database call would be refused as too slow.
     */
    public static final long IDLE_TIMEOUT_MILLIS = 30_000;
    static final String UNAUTHORIZED_DESCRIPTION =
            "The request is unauthorized. Check that your API key and region base URL are correctly configured.";

    private final Javalin app;
    private final Javalin management; // null without SIGNET_MANAGEMENT_PORT
    private final List<String> jsonEndpoints;

    private HttpServer(Javalin app, Javalin management, List<String> jsonEndpoints) {
        this.app = app;
        this.management = management;
        this.jsonEndpoints = jsonEndpoints;
    }

    /**
     * The listeners: {@code port} for the APIs, and {@code managementPort}, when present, for the probes and
     * {@code /metrics}, which then leave the main port. {@code shutdownTimeout} bounds how long closing
     * waits for requests in flight.
     */
    public record Listeners(String host, int port, Optional<Integer> managementPort, boolean accessLog,
                            boolean metricsPublic, ProxyHeaders proxies, Duration shutdownTimeout) {
    }

    public static HttpServer start(Listeners listeners, List<Routes> features, RequestAuthenticator authenticator,
                                   ClientAuthenticator clientAuthenticator, Health health,
                                   Idempotency idempotency, PrometheusMeterRegistry metrics) {
        ClientEdge clientEdge = new ClientEdge(clientAuthenticator);
        boolean separateManagement = listeners.managementPort().isPresent();
        // /health answers JSON on whichever listener serves it; /health/live and /health/ready too.
        List<String> jsonEndpoints = new java.util.ArrayList<>(List.of("GET /health", "GET /health/live",
                "GET /health/ready", "GET /openapi.json"));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = listeners.host();
            config.jetty.port = listeners.port();
            drainOnStop(config, listeners.shutdownTimeout());
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // Answers are a few hundred bytes of JSON, where gzip saves nothing; its output stream wrapper
            // still checked headers on every write (4.5% of getUser's CPU in a profile).
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            config.http.prefer405over404 = true;
            config.router.treatMultipleSlashesAsSingleSlash = true; // Node/Python/PHP send // after a trailing slash
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
            AccessLog log = new AccessLog(metrics, listeners.accessLog());
            config.requestLogger.http(log::record);

            // First: who the client is (behind a trusted proxy, from its headers) for everything after, and the
            // request id (a trusted proxy's own X-Request-Id is kept, anyone else's ignored).
            config.routes.before(ctx -> ClientOrigin.enter(ctx, listeners.proxies()));
            config.routes.before(ctx -> RequestIds.assign(ctx, listeners.proxies()::trusts));
            noSniffingNoCaching(config);
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
            config.routes.exception(DatabaseUnavailableException.class, ErrorMapper::unavailable);
            config.routes.exception(org.eclipse.jetty.http.HttpException.RuntimeException.class, ProtocolErrors::whileReading);
            config.routes.exception(java.io.IOException.class, ProtocolErrors::bodyCutOff);
            config.routes.exception(Exception.class, ErrorMapper::unexpected);
            config.routes.error(404, ctx -> {
                // A page's own 404 (HTML for a person, e.g. the console's "no such user") is kept as it is.
                if (ctx.result() == null || ctx.result().isEmpty() || !(isJson(ctx) || isHtml(ctx))) {
                    ErrorMapper.notFound(ctx);
                }
            });
            config.routes.error(405, ctx -> {
                if (!isJson(ctx)) {
                    ErrorMapper.methodNotAllowed(ctx);
                }
            });

            config.routes.get("/openapi.json", ctx -> Router.respond(ctx, 200, OpenApi.DOCUMENT));
            if (!separateManagement) {
                managementRoutes(config, health, metrics, listeners.metricsPublic());
            }
            Router router = new Router(config.routes, idempotency);
            features.forEach(f -> f.register(router));
            jsonEndpoints.addAll(router.jsonEndpoints());
            router.install();
        });
        app.start();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                c.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
        }
        Javalin management = null;
        if (separateManagement) {
            management = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.concurrency.useVirtualThreads = true;
                config.jetty.host = listeners.host();
                config.jetty.port = listeners.managementPort().get();
                noSniffingNoCaching(config);
                config.routes.exception(Exception.class, ErrorMapper::unexpected);
                managementRoutes(config, health, metrics, listeners.metricsPublic());
            });
            try {
                management.start();
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
        }
        return new HttpServer(app, management, List.copyOf(jsonEndpoints));
    }

    /** Every JSON endpoint served, as "METHOD /path/{param}"; the OpenAPI document describes each. */
    public List<String> jsonEndpoints() {
        return jsonEndpoints;
    }

    /**
     * Every answer: no MIME sniffing, and no caching, since most answers carry a secret (tokens, codes,
     * recovery codes) or personal data. An endpoint serving public data may set its own Cache-Control.
     */
    private static void noSniffingNoCaching(JavalinConfig config) {
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store"));
    }

    /** The probes and, with SIGNET_METRICS_PUBLIC, {@code /metrics}; on the main or the management listener. */
    private static void managementRoutes(JavalinConfig config, Health health, PrometheusMeterRegistry metrics,
                                         boolean metricsPublic) {
        config.routes.get("/health", health::aggregate);
        config.routes.get("/health/live", health::live);
        config.routes.get("/health/ready", health::ready);
        if (metricsPublic) { // otherwise /metrics is a 404 like any unknown path (SIGNET_METRICS_PUBLIC)
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
        }
    }

    /**
     * Jetty's graceful stop: closing stops accepting connections, answers new requests on open ones 503,
     * and waits up to {@code timeout} for the requests in flight before it closes their connections.
     */
    private static void drainOnStop(JavalinConfig config, Duration timeout) {
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(timeout.toMillis());
            server.setHandler(new GracefulHandler());
        });
    }

    public int port() {
        return app.port();
    }

    /** The management listener's port, when there is one. */
    public Optional<Integer> managementPort() {
        return Optional.ofNullable(management).map(Javalin::port);
    }

    /** Stops the API listener (waiting for requests in flight, see {@link #drainOnStop}), then the management one. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (management != null) {
                management.stop();
            }
        }
    }

    private static boolean isHtml(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
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
}
