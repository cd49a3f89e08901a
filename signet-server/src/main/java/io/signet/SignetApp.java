package io.signet;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.action.ActionRoutes;
import io.signet.action.ActionService;
import io.signet.action.ActionStore;
import io.signet.action.ActionTokens;
import io.signet.action.ChallengeResults;
import io.signet.action.JdbcActionStore;
import io.signet.authenticator.AuthenticatorRoutes;
import io.signet.authenticator.AuthenticatorService;
import io.signet.authenticator.AuthenticatorStore;
import io.signet.authenticator.ChallengeFactors;
import io.signet.bootstrap.Bootstrap;
import io.signet.challenge.ChallengeLog;
import io.signet.challenge.ChallengeRoutes;
import io.signet.challenge.ChallengeService;
import io.signet.challenge.ChallengeSettings;
import io.signet.challenge.ChallengeStore;
import io.signet.challenge.Claims;
import io.signet.challenge.ClientChallenges;
import io.signet.challenge.Factors;
import io.signet.challenge.JdbcChallengeStore;
import io.signet.challenge.Secrets;
import io.signet.challenge.SendLimits;
import io.signet.challenge.Verification;
import io.signet.clientapi.ClientCredentials;
import io.signet.clientapi.ClientApiService;
import io.signet.clientapi.ClientRoutes;
import io.signet.config.EncryptionKeys;
import io.signet.config.OperatorKeys;
import io.signet.config.SignetConfig;
import io.signet.console.ConsoleRoutes;
import io.signet.console.ConsoleServices;
import io.signet.console.ConsoleSessions;
import io.signet.console.ConsoleSignIn;
import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.http.ClientOrigin;
import io.signet.http.Health;
import io.signet.http.HttpServer;
import io.signet.http.ProxyHeaders;
import io.signet.http.Idempotency;
import io.signet.http.Routes;
import io.signet.idempotency.JdbcIdempotencyStore;
import io.signet.imports.ImportRoutes;
import io.signet.logging.Logging;
import io.signet.metrics.BusinessMetrics;
import io.signet.metrics.MicrometerBusinessMetrics;
import io.signet.metrics.SystemMetrics;
import io.signet.passkey.JdbcCeremonyStore;
import io.signet.passkey.PasskeyRoutes;
import io.signet.passkey.PasskeyService;
import io.signet.rule.ActionConfigurationSection;
import io.signet.rule.JdbcRuleStore;
import io.signet.rule.RuleRoutes;
import io.signet.rule.RuleSection;
import io.signet.rule.RuleService;
import io.signet.session.AppClientRoutes;
import io.signet.session.AppClientSection;
import io.signet.session.AppClientService;
import io.signet.session.ChallengeTokens;
import io.signet.session.JdbcAppClientStore;
import io.signet.session.JdbcSessionStore;
import io.signet.session.SessionRoutes;
import io.signet.session.SessionService;
import io.signet.session.SigningKeys;
import io.signet.session.VerifiedChallenge;
import io.signet.store.Database;
import io.signet.store.Migrations;
import io.signet.tenant.BrandingRoutes;
import io.signet.tenant.BrandingService;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.JdbcBrandingStore;
import io.signet.tenant.OperatorKey;
import io.signet.tenant.OperatorRoutes;
import io.signet.tenant.TenantKeyRoutes;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsRoutes;
import io.signet.tenant.SettingsSection;
import io.signet.tenant.TenantSettingsService;
import io.signet.ui.PageOrigins;
import io.signet.ui.UiRoutes;
import io.signet.user.UserRoutes;
import io.signet.user.UserService;
import io.signet.webhook.Webhooks;
import io.signet.wiring.CoreServices;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
    private final Health health;
    private final Duration shutdownTimeout;
    private final BackgroundJobs jobs;
    private final TenantService tenants;
    private final Webhooks webhooks;
    private final AuthenticatorService authenticators;
    private final PasskeyService passkeys;
    private final SessionService sessions;
    private final SigningKeys signingKeys;
    private final AutoCloseable systemMetrics;

    private SignetApp(Database db, HttpServer http, Health health, Duration shutdownTimeout,
                      BackgroundJobs jobs,
                      TenantService tenants, Webhooks webhooks, AuthenticatorService authenticators,
                      PasskeyService passkeys, SessionService sessions, SigningKeys signingKeys,
                      AutoCloseable systemMetrics) {
        this.systemMetrics = systemMetrics;
        this.db = db;
        this.http = http;
        this.health = health;
        this.shutdownTimeout = shutdownTimeout;
        this.jobs = jobs;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.authenticators = authenticators;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.signingKeys = signingKeys;
    }

    /** Opens the database (migrating it), creates the default tenant on first start, starts serving. */
    public static SignetApp start(SignetConfig config, Clock clock, PrintStream out) {
        Logging.configure(config.logLevel(), config.logFormat());
        byte[] masterKey = EncryptionKeys.resolve(config);
        // The registry first: the database binds its pool gauges to it as it opens.
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        BusinessMetrics business = new MicrometerBusinessMetrics(metrics, config.metricsTenantLabel());
        Database db = Database.open(config.databaseUrl(), config.dbPoolSize(),
                Duration.ofMillis(config.dbTimeoutMillis()),
                config.migrateOnStart() ? Migrations.OnOpen.MIGRATE : Migrations.OnOpen.REQUIRE_CURRENT, metrics);
        try {
            // With SIGNET_PUBLIC_URL unset, links use the address actually bound (port 0 picks one at start).
            AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl().orElse(null));
            CoreServices core = CoreServices.on(db, masterKey, publicUrl::get, clock);
            SecretHasher hasher = core.hasher();
            Encryptor encryptor = core.encryptor();
            TenantService tenants = core.tenants();
            Optional<CreatedTenant> created = tenants.createDefaultIfNone(config.secretKey());
            created.ifPresent(t -> announceDefaultTenant(t, config, out));
            TenantSettingsService settings = core.settings();
            // Links (track's url, magic links): SIGNET_PUBLIC_URL, else a trusted proxy's scheme and host.
            Supplier<String> linkBase = config.publicUrl().isPresent() ? publicUrl::get
                    : ClientOrigin.linkBase(publicUrl::get);
            BrandingService branding = new BrandingService(db, new JdbcBrandingStore(), clock);
            AuthenticatorStore authenticatorStore = core.authenticatorStore();
            UserService users = core.users();
            Webhooks webhooks = OutboundWiring.webhooks(db, tenants::activeSecretKeys, config, business, clock);
            AuthenticatorService authenticators = new AuthenticatorService(db, authenticatorStore, users, settings,
                    hasher, encryptor, webhooks.events(), business, clock);
            RuleService rules = new RuleService(new JdbcRuleStore(db), clock);
            ActionTokens actionTokens = new ActionTokens(hasher, clock);
            ActionStore actionStore = new JdbcActionStore(db);
            ActionService actions = new ActionService(db, actionStore, users, rules, actionTokens, webhooks.events(),
                    webhooks.sync(), business, linkBase, clock);
            ChallengeResults challengeResults = new ChallengeResults(db, actionStore, actions, actionTokens, clock);
            ChallengeStore challengeStore = new JdbcChallengeStore(db);
            Secrets challengeSecrets = new Secrets(hasher);
            ChallengeLog challengeLog = new ChallengeLog(db, webhooks.events(), business, clock);
            Factors factors = new ChallengeFactors(db, authenticatorStore, authenticators, encryptor);
            ChallengeService challenges = new ChallengeService(db, challengeStore, users, factors,
                    OutboundWiring.delivery(config, webhooks.sync()), sendLimits(config, db, challengeStore, clock), challengeSecrets,
                    new ChallengeSettings(Duration.ofSeconds(config.otpTtlSeconds()),
                            Duration.ofSeconds(config.magicLinkTtlSeconds())),
                    challengeLog, linkBase, clock);
            Verification verification = new Verification(db, challengeStore, challengeSecrets, factors,
                    challengeResults, challengeLog, business, clock);
            PasskeyService passkeys = new PasskeyService(db, new JdbcCeremonyStore(), authenticators.passkeys(), users,
                    challengeResults, actionTokens, actions, clock);
            AppClientService appClients = new AppClientService(new JdbcAppClientStore(db), clock);
            ChallengeTokens challengeTokens = (tenantId, token) -> actions.verifyToken(tenantId, token)
                    .map(a -> new VerifiedChallenge(a.claims().userId(), a.claims().actionCode(),
                            a.claims().idempotencyKey(), a.state().name(), a.verificationMethod()));
            SigningKeys signingKeys = core.signingKeys();
            SessionService sessions = new SessionService(new JdbcSessionStore(db), appClients, signingKeys,
                    challengeTokens, users, hasher, business, clock);
            ClientCredentials clientCredentials = new ClientCredentials(actionTokens, settings);
            ConsoleSessions consoleSessions = new ConsoleSessions(core.consoleStore(), hasher, clock);
            ClientApiService clientApi = new ClientApiService(authenticators,
                    new ClientChallenges(challenges, verification, challengeStore, clock), actionTokens, actions,
                    settings);
            List<Routes> routes = List.of(new UserRoutes(users), new AuthenticatorRoutes(authenticators, users),
                    new TenantSettingsRoutes(settings, tenants), new RuleRoutes(rules), new ActionRoutes(actions),
                    new ChallengeRoutes(challenges, verification, new Claims(db, challengeStore, users, challengeResults)),
                    webhooks.routes(), new AppClientRoutes(appClients),
                    new SessionRoutes(sessions), new ClientRoutes(authenticators, clientApi),
                    new PasskeyRoutes(passkeys, settings), new BrandingRoutes(branding),
                    new UiRoutes(new UiRoutes.Services(actions, authenticators, users, tenants, branding,
                            clientCredentials, clientApi, hasher),
                            tenantId -> settings.client(tenantId)
                                    .map(c -> new PageOrigins(c.expectedOrigins(), c.anyLocalhostPort()))
                                    .orElseGet(() -> new PageOrigins(List.of(), false))),
                    new TenantKeyRoutes(tenants),
                    new ConsoleRoutes(new ConsoleServices(consoleSessions,
                            core.operators(), new ConsoleSignIn(actions, users),
                            tenants, users, authenticators, actions, rules, webhooks.service(), appClients, sessions,
                            hasher, linkBase, db), config.publicUrl().map(u -> u.startsWith("https:")).orElse(false)),
                    new ImportRoutes(core.importer()),
                    new OperatorRoutes(tenants, new OperatorKey(hasher, OperatorKeys.resolve(config))));

            Idempotency idempotency = new Idempotency(new JdbcIdempotencyStore(db, encryptor), clock);
            AutoCloseable systemMetrics = SystemMetrics.bind(metrics, db::writerQueueLength, webhooks::outboxLagMillis);
            Health health = new Health(db, db.migrations().latestKnown());
            HttpServer http = HttpServer.start(new HttpServer.Listeners(config.host(), config.port(),
                            config.managementPort(), config.accessLog(), config.metricsPublic(),
                            ProxyHeaders.of(config.proxyHeaders(), config.trustedProxies()), config.shutdownTimeout()),
                    routes, tenants, clientCredentials, health, idempotency, metrics);
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
            health.started(); // readiness UP only now, with the bootstrap file applied

            BackgroundJobs jobs = BackgroundJobs.start(new BackgroundJobs.Jobs(idempotency::purgeExpired,
                    challenges::purgeExpired, passkeys::purgeExpired, sessions::purgeExpired, webhooks::purgeExpired,
                    consoleSessions::purgeExpired, webhooks::deliverDue), config.webhookPollMillis());
            return new SignetApp(db, http, health, config.shutdownTimeout(), jobs, tenants,
                    webhooks, authenticators, passkeys, sessions, signingKeys, systemMetrics);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    /** Sessions, for the purge job's tests. */
    public SessionService sessions() {
        return sessions;
    }

    /** The session signing keys, for tests that rotate or read them directly. */
    public SigningKeys signingKeys() {
        return signingKeys;
    }


    /** The management listener's port (SIGNET_MANAGEMENT_PORT; 0 picks a free one). */
    public Optional<Integer> managementPort() {
        return http.managementPort();
    }

    /**
     * Graceful stop, within SIGNET_SHUTDOWN_TIMEOUT: readiness turns DOWN at once, the API listener stops
     * accepting and waits for the requests in flight, the background jobs finish the run they are in
     * (webhook deliveries are interrupted once the time is up, and give their leases back), then the
     * database closes after its last queued write and WAL checkpoint.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        health.drain();
        log.info("shutting down: readiness is DOWN, waiting up to {} s for requests in flight",
                shutdownTimeout.toSeconds());
        http.close();
        jobs.stopBy(deadline);
        closeQuietly(systemMetrics);
        db.close();
        log.info("stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("closing {} failed: {}", c, e.toString());
        }
    }
}
