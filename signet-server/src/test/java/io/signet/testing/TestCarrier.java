package io.signet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.signet.text.UrlEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in SMS carrier speaking Twilio's Messages API on 127.0.0.1: records each form-encoded message and
 * the Authorization header, answers 201 (or the status a test sets). The only fake at the world's edge.
 */
public final class TestCarrier implements AutoCloseable {
    public record Sms(String path, String authorization, Map<String, String> form) {
        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);

    public TestCarrier() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        UrlEncoding.queryPairs(body, true).forEach(p -> form.put(p.name(), p.value()));
        int answer = status.get();
        if (answer / 100 == 2) {
            received.add(new Sms(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form));
        }
        byte[] reply = "{\"sid\":\"SM00000000000000000000000000000000\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the carrier answer {@code code} from now on (e.g. 500 to simulate an outage). */
    public void answer(int code) {
        status.set(code);
    }

    /** Messages received so far, oldest first. */
    public List<Sms> received() {
        return List.copyOf(received);
    }

    /** The newest message sent to {@code to} (a number, or whatsapp:+number). */
    public Sms lastTo(String to) {
        return received.reversed().stream().filter(s -> to.equals(s.to())).findFirst()
                .orElseThrow(() -> new AssertionError("no SMS to " + to + " among " + received.size()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
