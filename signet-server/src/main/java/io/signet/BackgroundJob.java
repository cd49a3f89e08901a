package io.signet;

import io.signet.store.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One iteration of a scheduled background job, made to survive its own failure. A job that throws out of
 * {@code ScheduledExecutorService.scheduleWithFixedDelay} is never run again, silently; so every failure,
 * an {@link Error} such as {@link StackOverflowError} or {@link OutOfMemoryError} included, is caught here and
 * logged with its stack trace (exceptions carry no secrets: messages never include codes or keys), and the
 * next iteration runs as scheduled. A database outage is logged as one warning line instead.
 */
final class BackgroundJob {
    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

    private BackgroundJob() {
    }

    /** Runs {@code job} once; whatever it throws is logged under {@code name} and goes no further. */
    static void runSurviving(String name, Runnable job) {
        try {
            job.run();
        } catch (DatabaseUnavailableException e) {
            // An outage (database unreachable, disk full, file read-only), not a fault of the job: one line a
            // run, without a stack trace, instead of an error report every few seconds until it is over.
            log.warn("background job '{}' skipped: {} ({}); it runs again at its next interval", name,
                    e.getMessage(), e.getCause() != null ? e.getCause().getMessage() : "no cause");
        } catch (Throwable e) { // NOPMD: the next iteration must run whatever this one threw
            log.error("background job '{}' failed; it runs again at its next interval", name, e);
        }
    }
}
