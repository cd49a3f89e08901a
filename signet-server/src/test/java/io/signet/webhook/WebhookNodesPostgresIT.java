package io.signet.webhook;

import static io.signet.webhook.WebhookTesting.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.testing.ManualClock;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import io.signet.testing.WebhookReceiver.Received;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several Signet nodes on one PostgreSQL database, and a node that stops with deliveries still pending. */
class WebhookNodesPostgresIT {
    static final Map<String, String> FAST = Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true",
            "SIGNET_WEBHOOK_POLL_MILLIS", "50");
    /** A node whose worker never runs during a test: it only publishes. */
    static final Map<String, String> IDLE = Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true",
            "SIGNET_WEBHOOK_POLL_MILLIS", "3600000");
    private final List<String> databases = new ArrayList<>();

    private String freshDatabase() {
        String url = TestDatabases.freshPostgres();
        databases.add(url);
        return url;
    }

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestDatabases::dropIfPostgres);
    }

    @Test
    void two_nodes_deliver_1000_events_exactly_once_with_gap_free_sequences() throws Exception {
        String db = freshDatabase();
        byte[] key = RandomTokens.bytes(32);
        try (WebhookReceiver receiver = WebhookReceiver.start();
             TestServer one = TestServer.startOn(db, key, FAST, Clock.systemUTC());
             TestServer two = TestServer.startOn(db, key, FAST, Clock.systemUTC())) {
            WebhookTesting.createEndpoint(one.api(), receiver.url(), "*");
            List<Future<?>> publishers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int p = 0; p < 4; p++) {
                    TestServer node = p % 2 == 0 ? one : two; // both nodes publish concurrently
                    int publisher = p;
                    publishers.add(pool.submit(() -> {
                        for (int i = 0; i < 250; i++) {
                            WebhookTesting.publish(node, "user-" + (publisher * 250 + i) % 100,
                                    EventTypes.AUTHENTICATOR_CREATED, Map.of("n", publisher + "-" + i));
                        }
                    }));
                }
                for (Future<?> f : publishers) {
                    f.get();
                }
            }
            List<Received> got = receiver.awaitCount(1000, Duration.ofSeconds(120));
            long delivering = io.signet.testing.Eventually.await(() -> one.app().database().read(jdbc -> jdbc.count(
                    "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE status <> 'SUCCEEDED'")), n -> n == 0,
                    Duration.ofSeconds(30));
            assertThat(delivering).isZero();
            got = receiver.received();
            assertThat(got).hasSize(1000);
            assertThat(got.stream().map(r -> body(r).path("id").asString()).distinct().count()).isEqualTo(1000);
            assertThat(got.stream().map(r -> body(r).path("sequence").asLong()).collect(Collectors.toSet()))
                    .isEqualTo(LongStream.rangeClosed(1, 1000).boxed().collect(Collectors.toSet()));
            long attempts = one.app().database().read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM webhook_attempts"));
            assertThat(attempts).isEqualTo(1000);
        }
    }

    @Test
    // "try": the next node is never referenced, it only has to run (its delivery worker) while the receiver waits.
    @SuppressWarnings("try")
    void events_left_by_a_stopped_node_are_delivered_by_the_next_one() {
        String db = freshDatabase();
        byte[] key = RandomTokens.bytes(32);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            try (TestServer stopping = TestServer.startOn(db, key, IDLE, Clock.systemUTC())) {
                WebhookTesting.createEndpoint(stopping.api(), receiver.url(), "*");
                for (int i = 0; i < 5; i++) {
                    WebhookTesting.publish(stopping, "u-" + i, EventTypes.AUTHENTICATOR_CREATED, Map.of());
                }
            }
            assertThat(receiver.received()).isEmpty();
            try (TestServer next = TestServer.startOn(db, key, FAST, Clock.systemUTC())) {
                assertThat(receiver.awaitCount(5, WebhookTesting.WAIT)).hasSize(5)
                        .allMatch(r -> WebhookTesting.verifies(r, TestServer.SECRET_KEY));
            }
        }
    }

    @Test
    void a_delivery_leased_by_a_node_that_died_is_sent_once_its_lease_runs_out() {
        String db = freshDatabase();
        byte[] key = RandomTokens.bytes(32);
        ManualClock clock = new ManualClock(Instant.now());
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            try (TestServer dead = TestServer.startOn(db, key, IDLE, clock)) {
                WebhookTesting.createEndpoint(dead.api(), receiver.url(), "*");
                WebhookTesting.publish(dead, "u-1", EventTypes.AUTHENTICATOR_CREATED, Map.of());
                long leaseUntil = clock.millis() + 60_000;
                // What a node killed after claiming leaves behind: a lease nobody will finish or release.
                dead.app().database().write(jdbc -> jdbc.update(
                        "UPDATE webhook_deliveries SET lease_owner = 'killed-node', lease_until = ?", leaseUntil));
            }
            try (TestServer next = TestServer.startOn(db, key, FAST, clock)) {
                long leased = next.app().database().read(jdbc -> jdbc.count(
                        "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE lease_owner = 'killed-node'"));
                assertThat(leased).isEqualTo(1);
                clock.advance(Duration.ofSeconds(61));
                assertThat(receiver.awaitCount(1, WebhookTesting.WAIT)).hasSize(1);
            }
        }
    }
}
