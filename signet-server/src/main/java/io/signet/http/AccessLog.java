package io.signet.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line (method, route template, status, milliseconds, client address as {@link ClientOrigin}
 * resolved it; never ids, bodies or keys) and one timer
 * sample per request. It runs on every request, so it is kept cheap: the
 * timer of each (method, route, status) is looked up in a local map instead of being rebuilt from its tags,
 * and the line is formatted without {@link String#format}. The line is off unless SIGNET_ACCESS_LOG is true:
 * measured on getUser, writing it cost about 15% of the server's CPU; the logback configuration hands it to
 * an asynchronous appender, so no request waits for stdout.
 */
final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("io.signet.access");

    private final MeterRegistry metrics;
    private final boolean logLines;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** {@code logLines}: SIGNET_ACCESS_LOG; the timers are always kept. */
    AccessLog(MeterRegistry metrics, boolean logLines) {
        this.metrics = metrics;
        this.logLines = logLines;
    }

    void record(Context ctx, float ms) {
        try {
            recordTimed(ctx, ms);
        } finally {
            RequestIds.release();
        }
    }

    private void recordTimed(Context ctx, float ms) {
        String route = RequestIds.route(ctx);
        String method = ctx.method().name();
        int status = ctx.status().getCode();
        if (logLines && log.isInfoEnabled()) {
            log.info("{} {} {} {}ms client={}", method, route, status, Math.round(ms * 10) / 10.0,
                    ClientOrigin.of(ctx).ip());
        }
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .register(metrics))
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
