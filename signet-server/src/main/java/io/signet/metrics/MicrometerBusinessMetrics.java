package io.signet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BusinessMetrics} as Prometheus counters ({@code signet_enrollments_total{method}}, ...). Each counter is
 * looked up in a local map by its label values, as the request timers are, so a hot path pays one map lookup.
 */
public final class MicrometerBusinessMetrics implements BusinessMetrics {
    private final MeterRegistry registry;
    private final boolean tenantLabel;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** {@code tenantLabel}: SIGNET_METRICS_TENANT_LABEL. */
    public MicrometerBusinessMetrics(MeterRegistry registry, boolean tenantLabel) {
        this.registry = registry;
        this.tenantLabel = tenantLabel;
    }

    @Override
    public void enrolled(String tenantId, String method) {
        count("signet.enrollments", "Authenticators enrolled", tenantId, "method", method);
    }

    @Override
    public void actionTracked(String tenantId, String outcome) {
        count("signet.actions", "Actions tracked, by the rules' outcome", tenantId, "outcome", outcome);
    }

    @Override
    public void challenge(String tenantId, String method, ChallengeResult result) {
        count("signet.challenges", "Challenge steps: created, verified or failed", tenantId, "method", method,
                "result", lower(result));
    }

    @Override
    public void verifyFailed(String tenantId, String method, VerifyFailure reason) {
        count("signet.verify.failures", "Verification attempts that failed, by reason", tenantId, "method", method,
                "reason", lower(reason));
    }

    @Override
    public void session(String tenantId, SessionEvent event) {
        count("signet.sessions", "Sessions created, refreshed, revoked, and refresh-token reuse detected", tenantId,
                "event", lower(event));
    }

    @Override
    public void webhookDelivery(String tenantId, WebhookOutcome outcome) {
        count("signet.webhook.deliveries", "Asynchronous webhook delivery attempts, by outcome", tenantId,
                "outcome", lower(outcome));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** {@code labels}: name, value, name, value... */
    private void count(String name, String description, String tenantId, String... labels) {
        String key = name + '|' + (tenantLabel ? tenantId : "") + '|' + String.join("|", labels);
        counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name).description(description).tags(labels);
            if (tenantLabel) {
                b.tag("tenant", tenantId);
            }
            return b.register(registry);
        }).increment();
    }
}
