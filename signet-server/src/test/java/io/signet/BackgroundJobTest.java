package io.signet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A scheduled background job survives an Error thrown inside one iteration (a
 * job that throws out of scheduleWithFixedDelay is never run again) and the failure is logged with its
 * stack trace.
 */
class BackgroundJobTest {
    @Test
    void a_job_keeps_running_after_iterations_that_throw_errors_and_each_failure_is_logged_with_its_trace()
            throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(BackgroundJob.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        List<Throwable> failures = List.of(new StackOverflowError(), new OutOfMemoryError("Java heap space"),
                new IllegalStateException("a bug"), new AssertionError("an Error of another kind"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch survived = new CountDownLatch(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            scheduler.scheduleWithFixedDelay(() -> BackgroundJob.runSurviving("test job", () -> {
                int run = runs.getAndIncrement();
                if (run < failures.size()) {
                    throw sneaky(failures.get(run));
                }
                survived.countDown();
            }), 0, 1, TimeUnit.MILLISECONDS);
            assertThat(survived.await(30, TimeUnit.SECONDS)).as("the job ran again after its failures").isTrue();
        } finally {
            scheduler.shutdownNow();
            logger.detachAppender(captured);
        }
        assertThat(runs.get()).isGreaterThan(failures.size());
        List<ILoggingEvent> logged = captured.list.subList(0, failures.size());
        assertThat(logged).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("background job 'test job' failed");
            assertThat(e.getThrowableProxy()).as("the stack trace is logged").isNotNull();
            assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
        assertThat(logged.stream().map(e -> e.getThrowableProxy().getClassName()))
                .containsExactly(StackOverflowError.class.getName(), OutOfMemoryError.class.getName(),
                        IllegalStateException.class.getName(), AssertionError.class.getName());
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }
}
