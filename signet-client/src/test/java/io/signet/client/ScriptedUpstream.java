package io.signet.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP upstream that fails on purpose, standing in for a broken network or an overloaded server:
 * the conditions Signet itself cannot be made to produce. It answers the scripted statuses in order
 * (then the last one forever), or, when {@link #hang()} is set, never answers until closed.
 */
final class ScriptedUpstream implements AutoCloseable {
    /** What one attempt looked like on the wire. */
    record Attempt(String method, String path, String idempotencyKey) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final int[] statuses;
    private final String body;
    private volatile boolean hang;

    ScriptedUpstream(String body, int... statuses) throws IOException {
        this.body = body;
        this.statuses = statuses;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    ScriptedUpstream hang() {
        hang = true;
        return this;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    private void answer(HttpExchange exchange) throws IOException {
        int index = attempts.size();
        attempts.add(new Attempt(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        if (hang) {
            awaitRelease();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(statuses[Math.min(index, statuses.length - 1)], bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
