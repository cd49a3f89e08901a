package io.signet.webhook;

import io.signet.crypto.Ids;
import io.signet.metrics.BusinessMetrics;
import io.signet.metrics.BusinessMetrics.WebhookOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox deliveries, at least once. Each round leases a batch in one short transaction (on
 * PostgreSQL with {@code FOR UPDATE SKIP LOCKED}, so nodes never lease the same row), sends the batch in
 * parallel outside any transaction, and records each attempt. A node that dies holding a lease loses it when
 * the lease runs out, and another node sends the delivery again: at least once, never concurrently.
 */
public final class DeliveryWorker {
    static final int BATCH = 32;
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final long leaseMillis;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final String owner = Ids.timeOrdered();

    public DeliveryWorker(DeliveryStore store, WebhookSender sender, RetryPolicy retries, long timeoutMillis,
                          BusinessMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.store = store;
        this.sender = sender;
        this.retries = retries;
        this.leaseMillis = leaseMillis(timeoutMillis);
        this.clock = clock;
    }

    /**
     * How long a claim stays with this node. Every request of a batch runs in parallel and ends by the
     * timeout; the margin (another timeout plus 10 s) covers connecting and recording the attempt on a slow
     * database. It is also how long the events a dead node held wait before another node sends them.
     */
    public static long leaseMillis(long timeoutMillis) {
        return 2 * timeoutMillis + 10_000;
    }

    /** Delivers what is due, batch after batch, until a batch comes back less than full. */
    void deliverDue() {
        int claimed;
        do {
            long now = clock.millis();
            List<Claim> claims = store.claim(now, owner, now + leaseMillis, BATCH);
            claimed = claims.size();
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                requests(claims).forEach(r -> parallel.submit(() -> deliverQuietly(r)));
            }
        } while (claimed == BATCH && !Thread.currentThread().isInterrupted());
    }

    /**
     * One request per claim, except log records: those due for one endpoint go together as the
     * {@code records} of one batch (docs/server-api.md §9.3 "Envelope"), and every one of them shares its outcome.
     */
    static List<List<Claim>> requests(List<Claim> claims) {
        Map<String, List<Claim>> logs = new LinkedHashMap<>();
        List<List<Claim>> requests = new ArrayList<>();
        for (Claim c : claims) {
            if (EventTypes.LOG.contains(c.type())) {
                logs.computeIfAbsent(c.tenantId() + "/" + c.endpointId(), k -> new ArrayList<>()).add(c);
            } else {
                requests.add(List.of(c));
            }
        }
        requests.addAll(logs.values());
        return requests;
    }

    /**
     * A failure here (the database went away, or an Error such as running out of memory) must not end the
     * batch or vanish into the executor's unread Future: it is logged with its stack trace, the lease runs
     * out and the delivery is retried.
     */
    private void deliverQuietly(List<Claim> request) {
        try {
            deliver(request);
        } catch (Throwable e) { // NOPMD: one delivery's failure must not end the others
            log.error("webhook delivery {} failed and is retried when its lease runs out",
                    request.getFirst().deliveryId(), e);
        }
    }

    private void deliver(List<Claim> request) {
        Claim first = request.getFirst();
        String body = EventTypes.LOG.contains(first.type())
                ? Event.batchBody(request.stream().map(Claim::payload).toList()) : first.payload();
        AttemptResult result;
        try {
            result = sender.send(first.tenantId(), first.url(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // shutting down: the next node need not wait for the lease to run out
            request.forEach(c -> store.release(c, owner));
            return;
        } catch (RuntimeException e) {
            result = new AttemptResult(false, null, 0, "not sent: " + e.getClass().getSimpleName());
            log.warn("webhook delivery {} could not be sent: {}", first.deliveryId(), e.toString());
        }
        for (Claim claim : request) {
            record(claim, result);
        }
    }

    private void record(Claim claim, AttemptResult result) {
        long now = clock.millis();
        int failed = claim.attempts() + 1;
        if (result.succeeded()) {
            store.recordAttempt(claim, result, now, DeliveryStatus.SUCCEEDED, null, owner);
            metrics.webhookDelivery(claim.tenantId(), WebhookOutcome.SUCCEEDED);
        } else if (retries.retries(failed)) {
            store.recordAttempt(claim, result, now, DeliveryStatus.PENDING,
                    now + retries.delayMillis(failed, random), owner);
            metrics.webhookDelivery(claim.tenantId(), WebhookOutcome.RETRY_SCHEDULED);
        } else {
            store.recordAttempt(claim, result, now, DeliveryStatus.FAILED, null, owner);
            metrics.webhookDelivery(claim.tenantId(), WebhookOutcome.FAILED);
            log.info("webhook delivery {} to endpoint {} failed after {} attempts: {}", claim.deliveryId(),
                    claim.endpointId(), failed, result.error());
        }
    }
}
