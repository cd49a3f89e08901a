package io.signet;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.action.ActionRoutes;
import io.signet.action.ActionService;
import io.signet.action.ActionTokens;
import io.signet.action.ChallengeResults;
import io.signet.authenticator.AuthenticatorEnrollments;
import io.signet.authenticator.AuthenticatorRoutes;
import io.signet.authenticator.AuthenticatorService;
import io.signet.authenticator.ChallengeFactors;
import io.signet.challenge.ChallengeFeature;
import io.signet.bootstrap.Bootstrap;
import io.signet.clientapi.ClientCredentials;
import io.signet.clientapi.ClientRoutes;
import io.signet.config.SignetConfig;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.http.HttpServer;
import io.signet.http.Idempotency;
import io.signet.http.Routes;
import io.signet.idempotency.JdbcIdempotencyStore;
import io.signet.logging.Logging;
import io.signet.metrics.BusinessMetrics;
import io.signet.metrics.MicrometerBusinessMetrics;
import io.signet.metrics.SystemMetrics;
import io.signet.passkey.PasskeyRoutes;
import io.signet.passkey.PasskeyService;
import io.signet.rule.ActionConfigurationSection;
import io.signet.rule.RuleRoutes;
import io.signet.rule.RuleSection;
import io.signet.rule.RuleService;
import io.signet.session.AppClientRoutes;
import io.signet.session.AppClientSection;
import io.signet.session.AppClientService;
import io.signet.session.ChallengeTokens;
import io.signet.session.SessionRoutes;
import io.signet.session.SessionService;
import io.signet.session.SigningKeys;
import io.signet.session.VerifiedChallenge;
import io.signet.store.Database;
import io.signet.tenant.BrandingRoutes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.OperatorKey;
import io.signet.tenant.OperatorRoutes;
import io.signet.tenant.TenantKeyRoutes;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsRoutes;
import io.signet.tenant.SettingsSection;
import io.signet.tenant.TenantSettingsService;
import io.signet.ui.PageOrigins;
import io.signet.ui.UiRoutes;
import io.signet.user.EnrollmentView;
import io.signet.user.UserRoutes;
import io.signet.user.UserService;
import io.signet.webhook.Webhooks;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Signet: every object built by hand, in dependency order, then the HTTP server started.
 * Nothing depends on this class; tests start it on port 0 with a temporary database.
 */
public final class SignetApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignetApp.class);

    private final Database db;
    private final HttpServer http;
    private final ScheduledExecutorService background;
    private final ScheduledExecutorService webhookWorker;
    private final TenantService tenants;
    private final Webhooks webhooks;
    private final AuthenticatorService authenticators;
    private final PasskeyService passkeys;
    private final AutoCloseable systemMetrics;

    private SignetApp(Database db, HttpServer http, ScheduledExecutorService background,
                      ScheduledExecutorService webhookWorker, TenantService tenants, Webhooks webhooks,
                      AuthenticatorService authenticators, PasskeyService passkeys, AutoCloseable systemMetrics) {
        this.systemMetrics = systemMetrics;
        this.db = db;
        this.http = http;
        this.background = background;
        this.webhookWorker = webhookWorker;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.authenticators = authenticators;
        this.passkeys = passkeys;
    }

    /** Opens the database (migrating it), creates the default tenant on first start, starts serving. */
    public static SignetApp start(SignetConfig config, Clock clock, PrintStream out) {
        Logging.configure(config.logLevel(), config.logFormat());
        byte[] masterKey = EncryptionKeys.resolve(config);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BusinessMetrics business = new MicrometerBusinessMetrics(metrics, config.metricsTenantLabel());
        Database db = Database.open(config.databaseUrl(), config.dbPoolSize(), metrics);
        try {
            SecretHasher hasher = new SecretHasher(masterKey);
            Encryptor encryptor = new Encryptor(masterKey);
            TenantService tenants = new TenantService(db, hasher, encryptor, clock);
            Optional<CreatedTenant> created = tenants.createDefaultIfNone(config.secretKey());
            created.ifPresent(t -> announceDefaultTenant(t, config, out));

            // With SIGNET_PUBLIC_URL unset, links use the address actually bound (port 0 picks one at start).
            AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(null));
            TenantSettingsService settings = new TenantSettingsService(db, clock, publicUrl::get);
            BrandingService branding = new BrandingService(db, clock);
            EnrollmentView enrollments = new AuthenticatorEnrollments();
            UserService users = new UserService(db, enrollments, settings, clock);
            Webhooks webhooks = Webhooks.create(db, tenants::activeSecretKeys, config, business, clock);
            AuthenticatorService authenticators = new AuthenticatorService(db, users, settings, hasher, encryptor,
                    webhooks.events(), business, clock);
            RuleService rules = new RuleService(db, clock);
            ActionTokens actionTokens = new ActionTokens(hasher, clock);
            ActionService actions = new ActionService(db, users, rules, actionTokens, webhooks.events(), webhooks.sync(),
                    business, publicUrl::get, clock);
            ChallengeResults challengeResults = new ChallengeResults(db, actions, actionTokens, clock);
            ChallengeFeature challenges = ChallengeFeature.create(config, db, hasher, users,
                    new ChallengeFactors(db, authenticators, encryptor), challengeResults, webhooks.sync(),
                    webhooks.events(), business, clock, publicUrl::get);
            PasskeyService passkeys = new PasskeyService(db, authenticators.passkeys(), users, challengeResults,
                    actionTokens, actions, clock);
            AppClientService appClients = new AppClientService(db, clock);
            ChallengeTokens challengeTokens = (tenantId, token) -> actions.verifyToken(tenantId, token)
                    .map(a -> new VerifiedChallenge(a.claims().userId(), a.claims().actionCode(),
                            a.claims().idempotencyKey(), a.state().name(), a.verificationMethod()));
            SessionService sessions = new SessionService(db, appClients, new SigningKeys(db, encryptor, clock),
                    challengeTokens, users, hasher, business, clock);
            // AuthenticatorRoutes first: its static POST /v1/users/authenticators must win over POST /v1/users/{userId}
            List<Routes> routes = List.of(new AuthenticatorRoutes(authenticators, users), new UserRoutes(users),
                    new TenantSettingsRoutes(settings, tenants), new RuleRoutes(rules), new ActionRoutes(actions),
                    challenges.routes(), webhooks.routes(), new AppClientRoutes(appClients),
                    new SessionRoutes(sessions), new ClientRoutes(authenticators,
                            challenges.client(), actionTokens, actions, settings),
                    new PasskeyRoutes(passkeys, settings), new BrandingRoutes(branding),
                    new UiRoutes(actions, authenticators, users, tenants, branding,
                            tenantId -> settings.client(tenantId)
                                    .map(c -> new PageOrigins(c.expectedOrigins(), c.anyLocalhostPort()))
                                    .orElseGet(() -> new PageOrigins(List.of(), false))),
                    new TenantKeyRoutes(tenants),
                    new OperatorRoutes(tenants, new OperatorKey(hasher, OperatorKeys.resolve(config))));

            Idempotency idempotency = new Idempotency(new JdbcIdempotencyStore(db, encryptor), clock);
            AutoCloseable systemMetrics = SystemMetrics.bind(metrics, db::writerQueueLength, webhooks::outboxLagMillis);
            HttpServer http = HttpServer.start(config.host(), config.port(), routes, tenants,
                    new ClientCredentials(actionTokens, settings), db, idempotency, metrics, config.accessLog(),
                    config.metricsPublic(), HttpServer.NO_TRUSTED_PROXY);
            publicUrl.compareAndSet(null, "http://" + config.host() + ":" + http.port());
            // Once the public URL is known (the settings' defaults derive from it), before start() returns.
            try {
                config.bootstrapFile().ifPresent(file -> new Bootstrap(tenants, List.of(new SettingsSection(settings),
                        new AppClientSection(appClients), new ActionConfigurationSection(rules),
                        new RuleSection(rules), webhooks.bootstrapSection())).apply(file, out));
            } catch (RuntimeException e) {
                http.close();
                throw e;
            }
            warnAboutDefaultClientIdentity(config, settings);

            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("signet-background").factory());
            background.scheduleWithFixedDelay(() -> runQuietly("idempotency purge", idempotency::purgeExpired),
                    1, 60, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(() -> runQuietly("challenge purge", challenges.service()::purgeExpired),
                    5, 60, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(() -> runQuietly("passkey ceremony purge", passkeys::purgeExpired),
                    5, 60, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(() -> runQuietly("session purge", sessions::purgeExpired),
                    5, 15, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(() -> runQuietly("webhook log purge", webhooks::purgeExpired),
                    5, 60, TimeUnit.MINUTES);
            // Its own executor: a slow receiver must not hold up other background jobs.
            ScheduledExecutorService webhookWorker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("signet-webhooks").factory());
            webhookWorker.scheduleWithFixedDelay(() -> runQuietly("webhook delivery", webhooks::deliverDue),
                    config.webhookPollMillis(), config.webhookPollMillis(), TimeUnit.MILLISECONDS);
            return new SignetApp(db, http, background, webhookWorker, tenants, webhooks, authenticators, passkeys,
                    systemMetrics);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void announceDefaultTenant(CreatedTenant t, SignetConfig config, PrintStream out) {
        if (config.secretKey().isPresent()) {
            out.println("Created the default tenant with the secret key from SIGNET_SECRET_KEY.");
        } else {
            out.println("Created the default tenant. Its secret key is shown this once; store it now:");
            out.println();
            out.println("    " + t.secretKey());
            out.println();
        }
    }

    /**
     * A deployment behind a real public URL should set each tenant's rpId and expectedOrigins: the defaults
     * derived from the URL are meant for a fresh local install (docs/client-api.md §11 "What Signet
     * decided", Tenant identity).
     */
    private static void warnAboutDefaultClientIdentity(SignetConfig config, TenantSettingsService settings) {
        String host = config.publicUrl().map(u -> java.net.URI.create(u).getHost()).orElse("localhost");
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            return;
        }
        settings.allClients().stream().filter(ClientSettings::defaults).forEach(c -> log.warn(
                "tenant {} relies on the default Client API identity (rpId {}, expectedOrigins {}) derived from "
                        + "SIGNET_PUBLIC_URL; set rpId and expectedOrigins with PATCH /admin/v1/settings or "
                        + "./signet settings", c.tenantId(), c.rpId(), c.expectedOrigins()));
    }

    private static void runQuietly(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A scheduled job that throws is never run again: it must survive even these.
            log.warn("background job '{}' failed: {}", what, e.toString());
        }
    }

    public int port() {
        return http.port();
    }

    /** Every JSON endpoint this server answers, as "METHOD /path/{param}" (for the OpenAPI check). */
    public List<String> jsonEndpoints() {
        return http.jsonEndpoints();
    }

    public Database database() {
        return db;
    }

    public TenantService tenants() {
        return tenants;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** For features that verify factors (recovery codes), and for tests. */
    public AuthenticatorService authenticators() {
        return authenticators;
    }

    /** The WebAuthn ceremonies, for tests. */
    public PasskeyService passkeys() {
        return passkeys;
    }

    @Override
    public void close() {
        background.shutdownNow();
        webhookWorker.shutdownNow();
        try {
            // Interrupted deliveries give their leases back; let them finish before the pool closes.
            webhookWorker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        closeQuietly(systemMetrics);
        db.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("closing {} failed: {}", c, e.toString());
        }
    }
}
