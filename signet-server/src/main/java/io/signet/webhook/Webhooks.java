package io.signet.webhook;

import io.signet.bootstrap.Section;
import java.time.Clock;
import java.time.Duration;

/**
 * The webhook feature's faces: {@link #events()} for features that publish in their transactions,
 * {@link #sync()} for synchronous calls, {@link #routes()} for the admin API, {@link #deliverDue()}, which
 * the application runs on its own executor every {@code SIGNET_WEBHOOK_POLL_MILLIS}, and {@link #purgeExpired()}.
 */
public final class Webhooks {
    /** How long events, deliveries and attempts are kept once nothing is pending for them. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final Outbox outbox;
    private final SyncWebhooks sync;
    private final WebhookRoutes routes;
    private final DeliveryWorker worker;
    private final DeliveryStore deliveries;
    private final WebhookSection bootstrap;
    private final WebhookService service;
    private final Clock clock;

    /** Built by the application's wiring ({@code SignetApp}), like every other feature. */
    public Webhooks(Outbox outbox, SyncWebhooks sync, WebhookService service, DeliveryWorker worker,
                     DeliveryStore deliveries, Clock clock) {
        this.bootstrap = new WebhookSection(service);
        this.service = service;
        this.outbox = outbox;
        this.sync = sync;
        this.routes = new WebhookRoutes(service);
        this.worker = worker;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Events events() {
        return outbox;
    }

    public SyncWebhooks sync() {
        return sync;
    }

    /** Endpoints, their delivery log and redelivery, for the admin console. */
    public WebhookService service() {
        return service;
    }

    public WebhookRoutes routes() {
        return routes;
    }

    /** Webhook endpoints as a bootstrap file declares them. */
    public Section bootstrapSection() {
        return bootstrap;
    }

    /** Forgets what is older than {@link #RETENTION} and no longer pending; returns the number of events. */
    public int purgeExpired() {
        return deliveries.purgeBefore(clock.millis() - RETENTION.toMillis());
    }

    /** How long the oldest due delivery has waited past its due time, in milliseconds; 0 when none is due. */
    public long outboxLagMillis() {
        return deliveries.oldestDueLagMillis(clock.millis());
    }

    /** Sends every due delivery; returns when none is left that is due now. */
    public void deliverDue() {
        worker.deliverDue();
    }
}
