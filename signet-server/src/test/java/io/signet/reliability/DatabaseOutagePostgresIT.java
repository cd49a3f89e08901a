package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.CuttableProxy;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL behind a proxy the test cuts and restores, {@value #WINDOWS} times. While cut, every
 * request (reads, writes, {@code /health}) fails within SIGNET_DB_TIMEOUT_MILLIS with a 503 in the error
 * shape, never a 500, and the server's threads do not pile up; after the restore the server serves writes
 * again within 5 s without a restart, and no write acknowledged before, between or after the cuts is lost.
 */
class DatabaseOutagePostgresIT {
    private static final int WINDOWS = 3;
    private static final int CONCURRENT = 40;
    private static final long TIMEOUT_MILLIS = 1500;
    /** The configured timeout, plus one more for a request that met the outage halfway, plus scheduling. */
    private static final Duration FAIL_WITHIN = Duration.ofMillis(2 * TIMEOUT_MILLIS + 2000);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(5);

    @Test
    void a_cut_database_is_503_within_the_timeout_and_service_returns_within_5s_without_losing_writes()
            throws Exception {
        String direct = TestDatabases.freshPostgres();
        java.util.regex.Matcher hostPort = java.util.regex.Pattern.compile("//([^/:?]+)(?::(\\d+))?/").matcher(direct);
        assertThat(hostPort.find()).as(direct).isTrue();
        int port = hostPort.group(2) == null ? 5432 : Integer.parseInt(hostPort.group(2));
        try (CuttableProxy proxy = new CuttableProxy(hostPort.group(1), port)) {
            String viaProxy = direct.substring(0, hostPort.start()) + "//127.0.0.1:" + proxy.port() + "/"
                    + direct.substring(hostPort.end());
            try (TestServer server = TestServer.startOn(viaProxy, RandomTokens.bytes(32),
                    Map.of("SIGNET_DB_TIMEOUT_MILLIS", Long.toString(TIMEOUT_MILLIS)), Clock.systemUTC());
                 ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                Api api = server.api();
                List<String> acknowledged = new ArrayList<>();
                write(api, "before", acknowledged);
                List<Integer> threadsAfterWindow = new ArrayList<>();
                long slowest = 0;
                long recoveredSlowest = 0;
                for (int window = 1; window <= WINDOWS; window++) {
                    proxy.cut();
                    slowest = Math.max(slowest, allFailFast(api, clients, window));
                    ApiResponse health = api.get("/health");
                    assertThat(health.status()).as("/health while cut").isEqualTo(503);
                    threadsAfterWindow.add(serverThreads());
                    proxy.restore();
                    long restored = System.nanoTime();
                    recoveredWithin(api, "window" + window, acknowledged);
                    recoveredSlowest = Math.max(recoveredSlowest, (System.nanoTime() - restored) / 1_000_000);
                }
                // No pile-up: every refused request has returned (allFailFast waited for each), and the threads
                // of the server (this JVM's, but for the test's HTTP client) do not grow from one outage to the next.
                assertThat(threadsAfterWindow.getLast()).as("platform threads after each window: " + threadsAfterWindow)
                        .isLessThanOrEqualTo(threadsAfterWindow.getFirst() + 5);
                for (String user : acknowledged) {
                    assertThat(api.get("/v1/users/" + user).json().path("email").asString())
                            .as("acknowledged write of " + user).isEqualTo(user + "@outage.example");
                }
                System.out.printf("OUTAGE POSTGRESQL: fault windows=%d requests refused per window=%d slowest 503 ms=%d "
                        + "slowest recovery ms=%d acknowledged writes verified=%d threads after each window=%s "
                        + "5xx other than 503=0%n", WINDOWS, CONCURRENT, slowest, recoveredSlowest, acknowledged.size(),
                        threadsAfterWindow);
            }
        } finally {
            TestDatabases.dropIfPostgres(direct);
        }
    }

    /** Live platform threads of this JVM but the test's own HTTP client's, which come and go with its load. */
    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isVirtual() && !t.getName().startsWith("HttpClient")).count();
    }

    /** {@value #CONCURRENT} reads and writes at once: each a 503 service_unavailable in time. Their slowest ms. */
    private static long allFailFast(Api api, ExecutorService clients, int window) throws Exception {
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            Callable<long[]> request = () -> {
                long start = System.nanoTime();
                ApiResponse r = n % 2 == 0 ? api.get("/v1/users/cut-" + window + "-" + n)
                        : api.patch("/v1/users/cut-" + window + "-" + n, Map.of("email", "cut@outage.example"));
                assertThat(r.status()).as(r.toString()).isEqualTo(503);
                assertThat(r.errorCode()).isEqualTo("service_unavailable");
                return new long[] {(System.nanoTime() - start) / 1_000_000};
            };
            answers.add(clients.submit(request));
        }
        long slowest = 0;
        for (Future<long[]> f : answers) {
            slowest = Math.max(slowest, f.get()[0]);
        }
        assertThat(Duration.ofMillis(slowest)).as("slowest refusal while cut").isLessThan(FAIL_WITHIN);
        return slowest;
    }

    /** The first write after the restore that succeeds comes within {@link #RECOVER_WITHIN}; 503s before it. */
    private static void recoveredWithin(Api api, String user, List<String> acknowledged) {
        long deadline = System.nanoTime() + RECOVER_WITHIN.toNanos();
        while (true) {
            ApiResponse r = api.patch("/v1/users/" + user, Map.of("email", user + "@outage.example"));
            if (r.status() == 200) {
                acknowledged.add(user);
                assertThat(api.get("/health").status()).isEqualTo(200);
                return;
            }
            assertThat(r.status()).as("while recovering: " + r).isEqualTo(503);
            assertThat(System.nanoTime()).as("service back within " + RECOVER_WITHIN).isLessThan(deadline);
        }
    }

    private static void write(Api api, String user, List<String> acknowledged) {
        ApiResponse r = api.patch("/v1/users/" + user, Map.of("email", user + "@outage.example"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        acknowledged.add(user);
    }
}
