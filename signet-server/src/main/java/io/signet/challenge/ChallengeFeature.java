package io.signet.challenge;

import io.signet.config.SignetConfig;
import io.signet.crypto.SecretHasher;
import io.signet.metrics.BusinessMetrics;
import io.signet.store.Database;
import io.signet.user.UserService;
import io.signet.webhook.Events;
import io.signet.webhook.SyncWebhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The challenge feature, assembled from configuration: its service for other features, its routes, and the
 * Client API's view of challenges.
 */
public record ChallengeFeature(ChallengeService service, ChallengeRoutes routes, ClientChallenges client) {

    /** {@code publicUrl} is a supplier because by default it names the port, known only once HTTP is up. */
    public static ChallengeFeature create(SignetConfig config, Database db, SecretHasher hasher, UserService users,
                                          Factors factors, ActionOutcomes actions, SyncWebhooks tenantHooks,
                                          Events events, BusinessMetrics metrics, Clock clock,
                                          Supplier<String> publicUrl) {
        ChallengeStore store = new JdbcChallengeStore(db);
        Secrets secrets = new Secrets(hasher);
        Delivery delivery = new Delivery(tenantHooks,
                config.smtpUrl().map(url -> new SmtpSender(url, config.smtpFrom().orElseThrow(),
                        config.smtpStarttls())),
                config.smsTwilioAccountSid().map(sid -> new TwilioSender(config.smsTwilioUrl(), sid,
                        config.smsTwilioAuthToken().orElseThrow(), config.smsTwilioFrom().orElseThrow())),
                config.devDelivery().map(d -> new StdoutSender()));
        SendLimits limits = new SendLimits(db, store, clock, config.sendLimitPerUser(), config.sendLimitPerIp(),
                Duration.ofSeconds(config.sendLimitWindowSeconds()));
        ChallengeSettings settings = new ChallengeSettings(Duration.ofSeconds(config.otpTtlSeconds()),
                Duration.ofSeconds(config.magicLinkTtlSeconds()));
        ChallengeLog log = new ChallengeLog(db, events, metrics, clock);
        ChallengeService service = new ChallengeService(db, store, users, factors, delivery, limits, secrets, settings,
                log, publicUrl, clock);
        Verification verification = new Verification(db, store, secrets, factors, actions, log, metrics, clock);
        return new ChallengeFeature(service, new ChallengeRoutes(service, verification,
                new Claims(db, store, users, actions)), new ClientChallenges(service, verification, store, clock));
    }
}
