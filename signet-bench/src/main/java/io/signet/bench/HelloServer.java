package io.signet.bench;

import io.javalin.Javalin;

/**
 * The baseline: a hello-world endpoint on the same framework (Javalin on Jetty, virtual threads), JVM and
 * flags as Signet, so every scenario can be reported as a ratio to it.
 */
public final class HelloServer {
    private HelloServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.routes.get("/hello", ctx -> ctx.contentType("application/json").result("{\"hello\":\"world\"}"));
            config.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        }).start();
    }
}
