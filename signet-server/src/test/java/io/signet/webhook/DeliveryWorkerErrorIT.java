package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.signet.config.SignetConfig;
import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An {@link Error} thrown inside one webhook delivery (here the signing keys'
 * lookup runs out of memory) is logged with its stack trace instead of vanishing into the executor's
 * unread Future, the worker goes on, and the delivery is sent once its lease runs out.
 */
class DeliveryWorkerErrorIT extends WebhookServerFixture {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    protected Map<String, String> settings() {
        // The server's own worker polls once an hour: this test drives its own worker.
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_POLL_MILLIS", "3600000");
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void an_error_inside_one_delivery_is_logged_with_its_trace_and_the_delivery_is_sent_after_its_lease()
            throws Exception {
        WebhookTesting.createEndpoint(api, receiver.url(), "authenticator.created");
        AtomicInteger lookups = new AtomicInteger();
        SignetConfig config = SignetConfig.from(Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true"), List.of());
        DeliveryWorker worker = new DeliveryWorker(new JdbcDeliveryStore(server.app().database()),
                new WebhookSender(tenant -> {
                    if (lookups.getAndIncrement() == 0) {
                        throw new OutOfMemoryError("simulated: Java heap space");
                    }
                    return server.app().tenants().activeSecretKeys(tenant);
                }, true, Duration.ofMillis(config.webhookTimeoutMillis()), clock),
                new RetryPolicy(config.webhookMaxRetries(), config.webhookRetryBaseMillis()),
                config.webhookTimeoutMillis(), io.signet.metrics.BusinessMetrics.NONE, clock);
        String eventId = WebhookTesting.publish(server, "u-1", "authenticator.created", Map.of("userId", "u-1"));

        Logger logger = (Logger) LoggerFactory.getLogger(DeliveryWorker.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            worker.deliverDue();
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(captured.list).anySatisfy(e -> {
            assertThat(e.getThrowableProxy()).isNotNull();
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(OutOfMemoryError.class.getName());
            assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });

        clock.advance(Duration.ofMillis(config.webhookTimeoutMillis() + 60_001)); // the lease runs out
        worker.deliverDue();
        assertThat(receiver.awaitCount(1, WebhookTesting.WAIT)).hasSize(1);
        assertThat(WebhookTesting.body(receiver.received().getFirst()).path("id").asString()).isEqualTo(eventId);
    }
}
