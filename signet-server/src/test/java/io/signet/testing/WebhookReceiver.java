package io.signet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on 127.0.0.1 (the only place tests send traffic): records every request and answers
 * with the status the test chose for the n-th request (0-based); a status of 0 holds the request until
 * {@link #close()}, to make the sender time out.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Received(String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile IntUnaryOperator statusForRequest = n -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public void answer(IntUnaryOperator statusForRequest) {
        this.statusForRequest = statusForRequest;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n;
        lock.lock();
        try {
            n = received.size();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Signature-V2"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        int status = statusForRequest.applyAsInt(n);
        if (status == 0) {
            awaitClose();
            status = 503;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every request so far, in arrival order. */
    public List<Received> received() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code count} requests arrived; fails the test after {@code within}. */
    public List<Received> awaitCount(int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        lock.lock();
        try {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " webhook requests within " + within + ", got "
                            + received.size());
                }
                arrived.awaitNanos(left);
            }
            return List.copyOf(received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
