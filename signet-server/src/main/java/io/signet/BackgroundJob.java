package io.signet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One iteration of a scheduled background job, made to survive its own failure. A job that throws out of
 * {@code ScheduledExecutorService.scheduleWithFixedDelay} is never run again, silently; so every failure,
 * an {@link Error} such as {@link StackOverflowError} or {@link OutOfMemoryError} included, is caught here and
 * logged with its stack trace (exceptions carry no secrets: messages never include codes or keys), and the
 * next iteration runs as scheduled.
 */
final class BackgroundJob {
    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

    private BackgroundJob() {
    }

    /** Runs {@code job} once; whatever it throws is logged under {@code name} and goes no further. */
    static void runSurviving(String name, Runnable job) {
        try {
            job.run();
        } catch (Throwable e) { // NOPMD: the next iteration must run whatever this one threw
            log.error("background job '{}' failed; it runs again at its next interval", name, e);
        }
    }
}
