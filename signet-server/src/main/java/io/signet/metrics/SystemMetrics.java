package io.signet.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.function.LongSupplier;

/**
 * The gauges beside the counters: JVM memory, garbage collection, threads, classes, CPU and uptime; the SQLite
 * writer's queue; the webhook outbox lag. (The database pools report through HikariCP's own Micrometer
 * binding, set up when the pools are opened.)
 */
public final class SystemMetrics {
    private SystemMetrics() {
    }

    /**
     * {@code writerQueue}: writes waiting for the SQLite writer (0 on PostgreSQL); {@code outboxLagMillis}: how
     * long the oldest due webhook delivery has been waiting.
     */
    public static AutoCloseable bind(MeterRegistry registry, LongSupplier writerQueue, LongSupplier outboxLagMillis) {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics(); // listens to the JVM's collectors until closed
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("signet.sqlite.writer.queue", writerQueue::getAsLong)
                .description("Write transactions waiting for the SQLite writer thread (0 on PostgreSQL)")
                .register(registry);
        Gauge.builder("signet.webhook.outbox.lag", () -> outboxLagMillis.getAsLong() / 1000.0)
                .description("Seconds the oldest due webhook delivery has been waiting in the outbox")
                .baseUnit("seconds")
                .register(registry);
        return gc;
    }
}
