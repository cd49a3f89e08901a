package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.http.HttpServer;
import io.signet.wire.Json;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ServerSuite;
import io.signet.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each request limit is enforced before an endpoint does any work (nothing is stored, the answer
 * names the limit), slow clients cannot hold the server's threads, and a request refused at the HTTP level never
 * leaves a keep-alive client with a connection that resets. Transport only, so SQLite only.
 */
class RequestLimitsIT extends ServerSuite {
    private static final int SLOW_CLIENTS = 200;

    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    /** An update of {@code user} carrying {@code custom}, refused with a 400 naming {@code limit}; nothing stored. */
    private void refusedBeforeWork(String user, String custom, String limit) {
        ApiResponse r = api.send("PATCH", "/v1/users/" + user,
                "{\"email\":\"" + user + "@limits.example\",\"custom\":" + custom + "}", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorDescription()).contains(limit);
        assertThat(api.get("/v1/users/" + user).json().has("email")).as("nothing stored").isFalse();
    }

    @Test
    void a_body_nested_deeper_than_the_limit_is_400_before_any_work() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        refusedBeforeWork("deep", "{\"a\":" + deep + "}", "nesting at most " + Json.MAX_DEPTH);
    }

    @Test
    void a_string_longer_than_the_limit_is_400_before_any_work() {
        String longString = "\"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"";
        refusedBeforeWork("long", "{\"a\":" + longString + "}", "strings of at most " + Json.MAX_STRING_LENGTH);
    }

    @Test
    void an_array_longer_than_the_limit_is_400_before_any_work() {
        String array = "[" + "0,".repeat(Json.MAX_ARRAY_SIZE) + "0]";
        refusedBeforeWork("wide", "{\"a\":" + array + "}",
                "`custom.a` has " + (Json.MAX_ARRAY_SIZE + 1) + " elements; arrays of at most " + Json.MAX_ARRAY_SIZE);
    }

    @Test
    void a_body_over_one_MiB_is_413_before_any_work() {
        String big = "\"" + "x".repeat((int) HttpServer.MAX_BODY_BYTES) + "\"";
        ApiResponse r = api.send("PATCH", "/v1/users/big", "{\"custom\":{\"a\":" + big + "}}", Map.of());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void headers_over_the_limit_are_431_in_the_error_shape() throws IOException {
        String answer = exchange("GET /v1/users/h HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
                + "\r\nX-Padding: " + "p".repeat(HttpServer.MAX_HEADER_BYTES) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(answer).contains("\"errorCode\":\"request_header_fields_too_large\"");
        assertThat(api.get("/v1/users/h").status()).as("the server goes on").isEqualTo(200);
    }

    /**
     * {@value #SLOW_CLIENTS} connections that send half a request line and stop, and as many that send headers
     * and trickle the body: the server's platform threads stay bounded, a normal request is still answered at
     * once.
     */
    @Test
    void slow_clients_hold_no_more_than_a_bounded_number_of_threads() throws IOException {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = connect();
                s.getOutputStream().write("PATCH /v1/users/slow HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
                Socket body = connect();
                body.getOutputStream().write(("PATCH /v1/users/slow-body HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                        + basic() + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"a\":\"")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(body);
            }
            long start = System.nanoTime();
            assertThat(api.get("/v1/users/fast").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
            assertThat(threadsDuring - threadsBefore).as("platform threads added by " + slow.size()
                    + " slow connections").isLessThan(16);
            System.out.printf("SLOWLORIS: slow connections=%d platform threads added=%d%n", slow.size(),
                    threadsDuring - threadsBefore);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** A client that stops sending halfway through its body gets a 408 in the error shape, not a 500. */
    @Test
    void a_body_that_stops_halfway_is_a_408_not_a_500() throws IOException {
        try (Socket s = connect()) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PATCH /v1/users/halfway HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.shutdownOutput();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"errorCode\":\"request_timeout\"");
        }
        assertThat(api.get("/v1/users/halfway").json().has("email")).as("nothing stored").isFalse();
    }

    /**
     * The class of input behind FuzzApiIT's rare "header parser received no bytes": Jetty refuses a path with an
     * encoded NUL or a broken escape with a 400 and then closes the connection. The answer has to say so
     * ({@code Connection: close}); otherwise the connection must still answer, since a keep-alive client (the JDK's,
     * every SDK's) sends its next request on it.
     */
    @Test
    void a_path_jetty_refuses_is_400_and_the_connection_says_close_or_stays_usable() throws IOException {
        for (String path : List.of("/v1/users/%00", "/v1/users/a%00b/actions", "/v1/users/%ZZ", "/v1/users/%e")) {
            try (Socket s = connect()) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = readResponse(s.getInputStream());
                assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("\"errorCode\":\"invalid_request\"");
                if (!answer.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n")) {
                    out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(readResponse(s.getInputStream())).as("the next request on the connection after " + path
                            + " (no Connection: close in " + answer + ")").startsWith("HTTP/1.1 200");
                }
            }
        }
    }

    /** One response: its head, and as many body bytes as its Content-Length says; "" when the connection closed. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
            head.append((char) c);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                .matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private String exchange(String request) throws IOException {
        try (Socket s = connect()) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1)));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((TestServer.SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));
    }
}
