package io.signet;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's scheduled work: the purges on one executor, webhook delivery on its own (a slow receiver must
 * not hold up the purges), each iteration made to survive its failure ({@link BackgroundJob}), and their stop
 * within the shutdown deadline.
 */
final class BackgroundJobs {
    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final ScheduledExecutorService background;
    private final ScheduledExecutorService webhookWorker;

    /** Each purge's run, and webhook delivery's. */
    record Jobs(Runnable idempotencyPurge, Runnable challengePurge, Runnable ceremonyPurge, Runnable sessionPurge,
                Runnable webhookLogPurge, Runnable consoleSessionPurge, Runnable webhookDelivery) {
    }

    private BackgroundJobs(ScheduledExecutorService background, ScheduledExecutorService webhookWorker) {
        this.background = background;
        this.webhookWorker = webhookWorker;
    }

    /** Schedules the purges, and webhook delivery every {@code webhookPollMillis}. */
    static BackgroundJobs start(Jobs p, long webhookPollMillis) {
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("signet-background").factory());
        background.scheduleWithFixedDelay(() -> runQuietly("idempotency purge", p.idempotencyPurge()),
                1, 60, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> runQuietly("challenge purge", p.challengePurge()),
                5, 60, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> runQuietly("passkey ceremony purge", p.ceremonyPurge()),
                5, 60, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> runQuietly("session purge", p.sessionPurge()),
                5, 15, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> runQuietly("webhook log purge", p.webhookLogPurge()),
                5, 60, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> runQuietly("console session purge",
                p.consoleSessionPurge()), 5, 60, TimeUnit.MINUTES);
        ScheduledExecutorService webhookWorker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("signet-webhooks").factory());
        webhookWorker.scheduleWithFixedDelay(() -> runQuietly("webhook delivery", p.webhookDelivery()),
                webhookPollMillis, webhookPollMillis, TimeUnit.MILLISECONDS);
        return new BackgroundJobs(background, webhookWorker);
    }

    private static void runQuietly(String what, Runnable job) {
        BackgroundJob.runSurviving(what, job); // a scheduled job that throws is never run again
    }

    /**
     * Lets the jobs finish the run they are in until {@code deadline} ({@link System#nanoTime}); then
     * interrupts them (webhook deliveries give their leases back, given a few more seconds to do so).
     */
    void stopBy(long deadline) {
        background.shutdown();
        webhookWorker.shutdown();
        boolean finished = awaitUntil(background, deadline) & awaitUntil(webhookWorker, deadline);
        if (!finished) {
            log.warn("background jobs still running at the shutdown timeout: interrupting them");
            background.shutdownNow();
            webhookWorker.shutdownNow();
            // Interrupted deliveries give their leases back; let them finish before the pool closes.
            awaitUntil(webhookWorker, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        }
    }

    private static boolean awaitUntil(ScheduledExecutorService executor, long deadline) {
        try {
            return executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
