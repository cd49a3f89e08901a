package io.signet.webhook;

import io.signet.crypto.Ids;
import java.time.Clock;
import java.util.List;
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
final class DeliveryWorker {
    static final int BATCH = 32;
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final long leaseMillis;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final String owner = Ids.timeOrdered();

    DeliveryWorker(DeliveryStore store, WebhookSender sender, RetryPolicy retries, long timeoutMillis, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.retries = retries;
        // Every request of a batch runs in parallel and ends by the timeout; the margin covers recording.
        this.leaseMillis = timeoutMillis + 60_000;
        this.clock = clock;
    }

    /** Delivers what is due, batch after batch, until a batch comes back less than full. */
    void deliverDue() {
        int claimed;
        do {
            long now = clock.millis();
            List<Claim> claims = store.claim(now, owner, now + leaseMillis, BATCH);
            claimed = claims.size();
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                claims.forEach(c -> parallel.submit(() -> deliverQuietly(c)));
            }
        } while (claimed == BATCH && !Thread.currentThread().isInterrupted());
    }

    /** A failure here (the database went away) must not end the batch; the lease runs out and it is retried. */
    private void deliverQuietly(Claim claim) {
        try {
            deliver(claim);
        } catch (RuntimeException e) {
            log.warn("webhook delivery {} could not be recorded: {}", claim.deliveryId(), e.toString());
        }
    }

    private void deliver(Claim claim) {
        AttemptResult result;
        try {
            result = sender.send(claim.tenantId(), claim.url(), claim.payload());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.release(claim, owner); // shutting down: the next node need not wait for the lease to run out
            return;
        } catch (RuntimeException e) {
            result = new AttemptResult(false, null, 0, "not sent: " + e.getClass().getSimpleName());
            log.warn("webhook delivery {} could not be sent: {}", claim.deliveryId(), e.toString());
        }
        long now = clock.millis();
        int failed = claim.attempts() + 1;
        if (result.succeeded()) {
            store.recordAttempt(claim, result, now, DeliveryStatus.SUCCEEDED, null, owner);
        } else if (retries.retries(failed)) {
            store.recordAttempt(claim, result, now, DeliveryStatus.PENDING,
                    now + retries.delayMillis(failed, random), owner);
        } else {
            store.recordAttempt(claim, result, now, DeliveryStatus.FAILED, null, owner);
            log.info("webhook delivery {} to endpoint {} failed after {} attempts: {}", claim.deliveryId(),
                    claim.endpointId(), failed, result.error());
        }
    }
}
