package io.signet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.signet.crypto.RandomTokens;
import io.signet.store.Database;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Eventually;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import io.signet.testing.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown of a real {@code signet serve} process: with writes running and
 * three challenges held mid-request by a slow tenant webhook, SIGTERM turns readiness DOWN at once, the
 * held requests still complete with 200, every write answered 200 is in the database, no request is
 * answered 500, and the process exits 0 well within SIGNET_SHUTDOWN_TIMEOUT.
 */
class GracefulShutdownIT {
    private static final Pattern LISTENING = Pattern.compile("Signet listening on http://127\\.0\\.0\\.1:(\\d+) .*"
            + "health and metrics on port (\\d+)");
    private static final int HELD = 3;

    @TempDir
    Path tempDir;
    private Path log;
    private Process process;
    private HttpServer receiver;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hooksArrived = new AtomicInteger();

    @AfterEach
    void cleanUp() {
        release.countDown();
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tenant's email.created endpoint that holds every call until the test releases it, then answers 200. */
    private String slowReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hooksArrived.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private int[] serve(String databaseUrl) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "io.signet.Signet", "serve").redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SIGNET_"));
        builder.environment().putAll(Map.of("SIGNET_PORT", "0", "SIGNET_MANAGEMENT_PORT", "0",
                "SIGNET_DATABASE_URL", databaseUrl, "SIGNET_SECRET_KEY", TestServer.SECRET_KEY,
                "SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(RandomTokens.bytes(32)),
                "SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_TIMEOUT_MILLIS", "30000",
                "SIGNET_SHUTDOWN_TIMEOUT", "20"));
        // To a file, read after exit: a pipe's last lines can be lost when the process exits under a reader.
        log = tempDir.resolve("serve.log");
        process = builder.redirectOutput(log.toFile()).start();
        Matcher m = Eventually.await(() -> LISTENING.matcher(read(log)), Matcher::find, Duration.ofSeconds(60));
        int[] ports = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        return ports;
    }

    @Test
    void sigterm_drains_requests_in_flight_stops_workers_and_exits_zero() throws Exception {
        String url = TestDatabases.fresh(Backend.SQLITE, tempDir);
        String hook = slowReceiver();
        int[] ports = serve(url);
        Api api = new Api("http://127.0.0.1:" + ports[0], TestServer.SECRET_KEY);
        Api management = new Api("http://127.0.0.1:" + ports[1], null);
        assertThat(api.post("/admin/v1/webhooks", Map.of("url", hook, "eventTypes", List.of("email.created")))
                .status()).isEqualTo(200);

        // Load: writes that each create a user; what answered 200 must be in the database afterwards.
        AtomicBoolean loading = new AtomicBoolean(true);
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        AtomicInteger failedToConnect = new AtomicInteger();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            clients.submit(() -> {
                for (int i = 0; loading.get(); i++) {
                    String user = "load-" + thread + "-" + i;
                    try {
                        answered.put(user, api.patch("/v1/users/" + user, Map.of("username", user)).status());
                    } catch (RuntimeException | AssertionError refusedOrClosed) {
                        // After the listener closed (refused), or Jetty's bare 503 on a kept-alive connection:
                        // a load balancer retries these on another node.
                        failedToConnect.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Eventually.await(answered::size, n -> n >= 20, Duration.ofSeconds(30));

        // Three challenges whose delivery (the tenant's webhook) is held: they are in flight at the signal.
        List<Future<ApiResponse>> held = new ArrayList<>();
        for (int i = 0; i < HELD; i++) {
            String user = "held-" + i;
            held.add(clients.submit(() -> api.post("/v1/challenge", Map.of("verificationMethod", "EMAIL_OTP",
                    "action", "signIn", "email", user + "@example.com", "userId", user))));
        }
        Eventually.await(hooksArrived::get, n -> n == HELD, Duration.ofSeconds(30));

        long signalled = System.nanoTime();
        process.destroy(); // SIGTERM
        ApiResponse draining = Eventually.await(() -> management.get("/health/ready"), r -> r.status() == 503,
                Duration.ofSeconds(5));
        assertThat(draining.body()).contains("{\"name\":\"shutdown\",\"status\":\"DOWN\"}");
        assertThat(process.isAlive()).as("still draining the held requests").isTrue();

        release.countDown();
        for (Future<ApiResponse> request : held) {
            ApiResponse r = request.get(30, TimeUnit.SECONDS);
            assertThat(r.status()).as("a request in flight at SIGTERM completes: " + r).isEqualTo(200);
            assertThat(r.json().path("challengeId").asString()).isNotEmpty();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited: " + read(log)).isTrue();
        List<String> output = read(log).lines().toList();
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("exit code; output: " + output).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(20));
        assertThat(output).anyMatch(l -> l.contains("shutting down: readiness is DOWN"))
                .anyMatch(l -> l.contains("stopped")).noneMatch(l -> l.contains("background jobs still running"));
        assertThat(answered.values()).as("no request cut into a 500; output: " + output)
                .allMatch(s -> s == 200 || s == 503);
        List<String> written = answered.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey)
                .toList();
        assertThat(written).hasSizeGreaterThanOrEqualTo(20);
        try (Database db = Database.open(url, 2)) {
            long stored = db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE user_id LIKE 'load-%'"));
            for (String user : written) {
                assertThat((long) db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM users WHERE user_id = ?", user)))
                        .as(user + " answered 200, so it committed").isEqualTo(1);
            }
            assertThat(stored).as("a write either answered or never committed half").isGreaterThanOrEqualTo(written.size());
            long challenges = db.read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM challenges WHERE user_id LIKE 'held-%'"));
            assertThat(challenges).as("the held challenges were stored").isEqualTo(HELD);
        }
    }
}
