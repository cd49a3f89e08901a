package io.signet;

import io.signet.challenge.Delivery;
import io.signet.challenge.SmtpSender;
import io.signet.challenge.StdoutSender;
import io.signet.challenge.TwilioSender;
import io.signet.config.SignetConfig;
import io.signet.metrics.BusinessMetrics;
import io.signet.store.Database;
import io.signet.webhook.DeliveryStore;
import io.signet.webhook.DeliveryWorker;
import io.signet.webhook.EndpointStore;
import io.signet.webhook.JdbcDeliveryStore;
import io.signet.webhook.JdbcEndpointStore;
import io.signet.webhook.Outbox;
import io.signet.webhook.RetryPolicy;
import io.signet.webhook.SyncWebhooks;
import io.signet.webhook.WebhookSender;
import io.signet.webhook.WebhookService;
import io.signet.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** What Signet sends out, built from the configuration: tenants' webhooks, and codes by email and SMS. */
final class OutboundWiring {
    private OutboundWiring() {
    }

    /** {@code secretKeys} gives a tenant's active secret keys in plaintext, to sign with. */
    static Webhooks webhooks(Database db, Function<String, List<String>> secretKeys, SignetConfig config,
                             BusinessMetrics metrics, Clock clock) {
        EndpointStore endpoints = new JdbcEndpointStore(db);
        DeliveryStore deliveries = new JdbcDeliveryStore(db);
        WebhookSender sender = new WebhookSender(secretKeys, config.webhookAllowPrivate(),
                Duration.ofMillis(config.webhookTimeoutMillis()), clock);
        RetryPolicy retries = new RetryPolicy(config.webhookMaxRetries(), config.webhookRetryBaseMillis());
        return new Webhooks(new Outbox(endpoints, deliveries, clock),
                new SyncWebhooks(endpoints, deliveries, sender, clock),
                new WebhookService(endpoints, deliveries, config.webhookAllowPrivate(), clock),
                new DeliveryWorker(deliveries, sender, retries, config.webhookTimeoutMillis(), metrics, clock),
                deliveries, clock);
    }

    /** Email and SMS senders as configured; the tenant's own webhooks come first (see {@link Delivery}). */
    static Delivery delivery(SignetConfig config, SyncWebhooks tenantHooks) {
        return new Delivery(tenantHooks,
                config.smtpUrl().map(url -> new SmtpSender(url, config.smtpFrom().orElseThrow(),
                        config.smtpStarttls())),
                config.smsTwilioAccountSid().map(sid -> new TwilioSender(config.smsTwilioUrl(), sid,
                        config.smsTwilioAuthToken().orElseThrow(), config.smsTwilioFrom().orElseThrow())),
                config.devDelivery().map(d -> new StdoutSender()));
    }
}
