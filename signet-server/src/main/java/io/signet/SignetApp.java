package io.signet;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.action.ActionRoutes;
import io.signet.action.ActionService;
import io.signet.action.ActionStore;
import io.signet.action.ActionTokens;
import io.signet.action.ChallengeResults;
import io.signet.action.JdbcActionStore;
import io.signet.authenticator.AuthenticatorEnrollments;
import io.signet.authenticator.AuthenticatorRoutes;
import io.signet.authenticator.AuthenticatorService;
import io.signet.authenticator.AuthenticatorStore;
import io.signet.authenticator.ChallengeFactors;
import io.signet.authenticator.JdbcAuthenticatorStore;
import io.signet.challenge.ChallengeLog;
import io.signet.challenge.ChallengeRoutes;
import io.signet.challenge.ChallengeService;
import io.signet.challenge.ChallengeSettings;
import io.signet.challenge.ChallengeStore;
import io.signet.challenge.Claims;
import io.signet.challenge.ClientChallenges;
import io.signet.challenge.Delivery;
import io.signet.challenge.Factors;
import io.signet.challenge.JdbcChallengeStore;
import io.signet.challenge.Secrets;
import io.signet.challenge.SendLimits;
import io.signet.challenge.SmtpSender;
import io.signet.challenge.StdoutSender;
import io.signet.challenge.TwilioSender;
import io.signet.challenge.Verification;
import io.signet.clientapi.ClientCredentials;
import io.signet.clientapi.ClientRoutes;
import io.signet.config.EncryptionKeys;
import io.signet.config.LogLevel;
import io.signet.config.OperatorKeys;
import io.signet.config.SignetConfig;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.http.HttpServer;
import io.signet.http.Idempotency;
import io.signet.http.Routes;
import io.signet.idempotency.JdbcIdempotencyStore;
import io.signet.passkey.JdbcCeremonyStore;
import io.signet.passkey.PasskeyRoutes;
import io.signet.passkey.PasskeyService;
import io.signet.rule.JdbcRuleStore;
import io.signet.rule.RuleRoutes;
import io.signet.rule.RuleService;
import io.signet.session.AppClientRoutes;
import io.signet.session.AppClientService;
import io.signet.session.ChallengeTokens;
import io.signet.session.JdbcAppClientStore;
import io.signet.session.JdbcSessionStore;
import io.signet.session.JdbcSigningKeyStore;
import io.signet.session.SessionRoutes;
import io.signet.session.SessionService;
import io.signet.session.SigningKeys;
import io.signet.session.VerifiedChallenge;
import io.signet.store.Database;
import io.signet.tenant.BrandingRoutes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.JdbcBrandingStore;
import io.signet.tenant.JdbcTenantSettingsStore;
import io.signet.tenant.JdbcTenantStore;
import io.signet.tenant.OperatorKey;
import io.signet.tenant.OperatorRoutes;
import io.signet.tenant.TenantKeyRoutes;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsRoutes;
import io.signet.tenant.TenantSettingsService;
import io.signet.ui.PageOrigins;
import io.signet.ui.UiRoutes;
import io.signet.user.EnrollmentView;
import io.signet.user.JdbcUserStore;
import io.signet.user.UserRoutes;
import io.signet.user.UserService;
import io.signet.webhook.DeliveryStore;
import io.signet.webhook.DeliveryWorker;
import io.signet.webhook.EndpointStore;
import io.signet.webhook.JdbcDeliveryStore;
import io.signet.webhook.JdbcEndpointStore;
import io.signet.webhook.Outbox;
import io.signet.webhook.RetryPolicy;
import io.signet.webhook.SyncWebhooks;
import io.signet.webhook.WebhookRoutes;
import io.signet.webhook.WebhookSender;
import io.signet.webhook.WebhookService;
import io.signet.webhook.Webhooks;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
    private final SessionService sessions;
    private final SigningKeys signingKeys;

    private SignetApp(Database db, HttpServer http, ScheduledExecutorService background,
                      ScheduledExecutorService webhookWorker, TenantService tenants, Webhooks webhooks,
                      AuthenticatorService authenticators, PasskeyService passkeys, SessionService sessions,
                      SigningKeys signingKeys) {
        this.db = db;
        this.http = http;
        this.background = background;
        this.webhookWorker = webhookWorker;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.authenticators = authenticators;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.signingKeys = signingKeys;
    }

    /** Opens the database (migrating it), creates the default tenant on first start, starts serving. */
    public static SignetApp start(SignetConfig config, Clock clock, PrintStream out) {
        LogLevel.apply(config.logLevel());
        byte[] masterKey = EncryptionKeys.resolve(config);
        Database db = Database.open(config.databaseUrl(), config.dbPoolSize());
        try {
            SecretHasher hasher = new SecretHasher(masterKey);
            Encryptor encryptor = new Encryptor(masterKey);
            TenantService tenants = new TenantService(db, new JdbcTenantStore(db), hasher, encryptor, clock);
            Optional<CreatedTenant> created = tenants.createDefaultIfNone(config.secretKey());
            created.ifPresent(t -> announceDefaultTenant(t, config, out));

            // With SIGNET_PUBLIC_URL unset, links use the address actually bound (port 0 picks one at start).
            AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(null));
            TenantSettingsService settings = new TenantSettingsService(db, new JdbcTenantSettingsStore(), clock,
                    publicUrl::get);
            BrandingService branding = new BrandingService(db, new JdbcBrandingStore(), clock);
            AuthenticatorStore authenticatorStore = new JdbcAuthenticatorStore();
            EnrollmentView enrollments = new AuthenticatorEnrollments(authenticatorStore);
            UserService users = new UserService(db, new JdbcUserStore(db), enrollments, settings, clock);
            Webhooks webhooks = webhooks(db, tenants::activeSecretKeys, config, clock);
            AuthenticatorService authenticators = new AuthenticatorService(db, authenticatorStore, users, settings,
                    hasher, encryptor, webhooks.events(), clock);
            RuleService rules = new RuleService(db, new JdbcRuleStore(db), clock);
            ActionTokens actionTokens = new ActionTokens(hasher, clock);
            ActionStore actionStore = new JdbcActionStore(db);
            ActionService actions = new ActionService(db, actionStore, users, rules, actionTokens, webhooks.events(),
                    webhooks.sync(), publicUrl::get, clock);
            ChallengeResults challengeResults = new ChallengeResults(db, actionStore, actions, actionTokens, clock);
            ChallengeStore challengeStore = new JdbcChallengeStore(db);
            Secrets challengeSecrets = new Secrets(hasher);
            ChallengeLog challengeLog = new ChallengeLog(db, webhooks.events(), clock);
            Factors factors = new ChallengeFactors(db, authenticatorStore, authenticators, encryptor);
            ChallengeService challenges = new ChallengeService(db, challengeStore, users, factors,
                    delivery(config, webhooks.sync()), sendLimits(config, db, challengeStore, clock), challengeSecrets,
                    new ChallengeSettings(Duration.ofSeconds(config.otpTtlSeconds()),
                            Duration.ofSeconds(config.magicLinkTtlSeconds())),
                    challengeLog, publicUrl::get, clock);
            Verification verification = new Verification(db, challengeStore, challengeSecrets, factors,
                    challengeResults, challengeLog, clock);
            PasskeyService passkeys = new PasskeyService(db, new JdbcCeremonyStore(), authenticators.passkeys(), users,
                    challengeResults, actionTokens, actions, clock);
            AppClientService appClients = new AppClientService(db, new JdbcAppClientStore(db), clock);
            ChallengeTokens challengeTokens = (tenantId, token) -> actions.verifyToken(tenantId, token)
                    .map(a -> new VerifiedChallenge(a.claims().userId(), a.claims().actionCode(),
                            a.claims().idempotencyKey(), a.state().name(), a.verificationMethod()));
            SigningKeys signingKeys = new SigningKeys(db, new JdbcSigningKeyStore(db), encryptor, clock);
            SessionService sessions = new SessionService(db, new JdbcSessionStore(db), appClients, signingKeys,
                    challengeTokens, users, hasher, clock);
            List<Routes> routes = List.of(new UserRoutes(users), new AuthenticatorRoutes(authenticators, users),
                    new TenantSettingsRoutes(settings, tenants), new RuleRoutes(rules), new ActionRoutes(actions),
                    new ChallengeRoutes(challenges, verification, new Claims(db, challengeStore, users, challengeResults)),
                    webhooks.routes(), new AppClientRoutes(appClients),
                    new SessionRoutes(sessions), new ClientRoutes(authenticators,
                            new ClientChallenges(challenges, verification, challengeStore, clock), actionTokens, actions,
                            settings),
                    new PasskeyRoutes(passkeys, settings), new BrandingRoutes(branding),
                    new UiRoutes(actions, authenticators, users, tenants, branding,
                            tenantId -> settings.client(tenantId)
                                    .map(c -> new PageOrigins(c.expectedOrigins(), c.anyLocalhostPort()))
                                    .orElseGet(() -> new PageOrigins(List.of(), false))),
                    new TenantKeyRoutes(tenants),
                    new OperatorRoutes(tenants, new OperatorKey(hasher, OperatorKeys.resolve(config))));

            Idempotency idempotency = new Idempotency(new JdbcIdempotencyStore(db, encryptor), clock);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            HttpServer http = HttpServer.start(config.host(), config.port(), routes, tenants,
                    new ClientCredentials(actionTokens, settings), db, idempotency, metrics, config.accessLog(),
                    config.metricsPublic());
            publicUrl.compareAndSet(null, "http://" + config.host() + ":" + http.port());
            warnAboutDefaultClientIdentity(config, settings);

            ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("signet-background").factory());
            background.scheduleWithFixedDelay(() -> runQuietly("idempotency purge", idempotency::purgeExpired),
                    1, 60, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(() -> runQuietly("challenge purge", challenges::purgeExpired),
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
                    sessions, signingKeys);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** {@code secretKeys} gives a tenant's active secret keys in plaintext, to sign with. */
    private static Webhooks webhooks(Database db, Function<String, List<String>> secretKeys, SignetConfig config,
                                     Clock clock) {
        EndpointStore endpoints = new JdbcEndpointStore(db);
        DeliveryStore deliveries = new JdbcDeliveryStore(db);
        WebhookSender sender = new WebhookSender(secretKeys, config.webhookAllowPrivate(),
                Duration.ofMillis(config.webhookTimeoutMillis()), clock);
        RetryPolicy retries = new RetryPolicy(config.webhookMaxRetries(), config.webhookRetryBaseMillis());
        return new Webhooks(new Outbox(endpoints, deliveries, clock),
                new SyncWebhooks(endpoints, deliveries, sender, clock),
                new WebhookRoutes(new WebhookService(endpoints, deliveries, config.webhookAllowPrivate(), clock)),
                new DeliveryWorker(deliveries, sender, retries, config.webhookTimeoutMillis(), clock), deliveries,
                clock);
    }

    /** Email and SMS senders as configured; the tenant's own webhooks come first (see {@link Delivery}). */
    private static Delivery delivery(SignetConfig config, SyncWebhooks tenantHooks) {
        return new Delivery(tenantHooks,
                config.smtpUrl().map(url -> new SmtpSender(url, config.smtpFrom().orElseThrow(),
                        config.smtpStarttls())),
                config.smsTwilioAccountSid().map(sid -> new TwilioSender(config.smsTwilioUrl(), sid,
                        config.smsTwilioAuthToken().orElseThrow(), config.smsTwilioFrom().orElseThrow())),
                config.devDelivery().map(d -> new StdoutSender()));
    }

    private static SendLimits sendLimits(SignetConfig config, Database db, ChallengeStore store, Clock clock) {
        return new SendLimits(db, store, clock, config.sendLimitPerUser(), config.sendLimitPerIp(),
                Duration.ofSeconds(config.sendLimitWindowSeconds()));
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

    /** Sessions, for the purge job's tests. */
    public SessionService sessions() {
        return sessions;
    }

    /** The session signing keys, for tests that rotate or read them directly. */
    public SigningKeys signingKeys() {
        return signingKeys;
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
        db.close();
    }
}
