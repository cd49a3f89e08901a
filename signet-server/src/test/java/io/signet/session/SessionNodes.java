package io.signet.session;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.action.ActionTokens;
import io.signet.clientapi.ClientCredentials;
import io.signet.crypto.Encryptor;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.http.HttpServer;
import io.signet.http.Idempotency;
import io.signet.store.Database;
import io.signet.tenant.CreatedTenant;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import io.signet.user.Enrollment;
import io.signet.user.UserRoutes;
import io.signet.user.UserService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Signet nodes sharing one database, with sessions and test-issued challenge tokens. */
final class SessionNodes implements AutoCloseable {
    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    final String databaseUrl;
    private final byte[] key = RandomTokens.bytes(32);
    private final FakeChallengeTokens tokens = new FakeChallengeTokens();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Api, String> tenantIds = new ConcurrentHashMap<>();

    record Node(Database db, HttpServer http, TenantService tenants) {
        Api api() {
            return new Api("http://127.0.0.1:" + http.port(), TestServer.SECRET_KEY);
        }
    }

    SessionNodes(Backend backend, Path tempDir) {
        this.databaseUrl = TestDatabases.fresh(backend, tempDir);
    }

    Node start() {
        Database db = Database.open(databaseUrl, 4);
        SecretHasher hasher = new SecretHasher(key);
        TenantService tenants = new TenantService(db, hasher, new Encryptor(key), clock);
        tenants.createDefaultIfNone(Optional.of(TestServer.SECRET_KEY));
        TenantSettingsService settings = new TenantSettingsService(db, clock, () -> "http://localhost:8080");
        UserService users = new UserService(db, (jdbc, t, u, d) -> new Enrollment(List.of(), List.of(), null),
                settings, clock);
        AppClientService clients = new AppClientService(db, clock);
        SessionService sessions = new SessionService(db, clients, new SigningKeys(db, new Encryptor(key), clock),
                tokens, users, hasher, io.signet.metrics.BusinessMetrics.NONE, clock);
        HttpServer http = HttpServer.start("127.0.0.1", 0,
                List.of(new UserRoutes(users), new AppClientRoutes(clients), new SessionRoutes(sessions)),
                tenants, new ClientCredentials(new ActionTokens(hasher, clock), settings), db,
                new Idempotency(new io.signet.idempotency.JdbcIdempotencyStore(db, new Encryptor(key)), clock), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                false, false, HttpServer.NO_TRUSTED_PROXY);
        Node node = new Node(db, http, tenants);
        nodes.add(node);
        return node;
    }

    /** A challenge token in {@code state} for the user, from the tenant {@code api} authenticates as. */
    String token(Api api, String userId, String state) {
        return tokens.issue(tenantOf(api), userId, "signIn", state);
    }

    /** A client for a new tenant. */
    Api newTenant(Node node, String name) {
        CreatedTenant created = node.tenants().create(name, Optional.empty());
        Api api = node.api().withKey(created.secretKey());
        tenantIds.put(api, created.tenant().tenantId());
        return api;
    }

    Database database() {
        return nodes.getFirst().db();
    }

    SigningKeys signingKeys() {
        return new SigningKeys(database(), new Encryptor(key), clock);
    }

    SessionService sessions() {
        Database db = database();
        return new SessionService(db, new AppClientService(db, clock), signingKeys(), tokens,
                new UserService(db, (jdbc, t, u, d) -> new Enrollment(List.of(), List.of(), null),
                new TenantSettingsService(db, clock, () -> "http://localhost:8080"), clock),
                new SecretHasher(key), io.signet.metrics.BusinessMetrics.NONE, clock);
    }

    /** The tenant id behind a client made by {@link Node#api()} or {@link #newTenant}. */
    String tenantOf(Api api) {
        return tenantIds.computeIfAbsent(api, a -> nodes.getFirst().tenants()
                .tenantIdForSecretKey(TestServer.SECRET_KEY).orElseThrow());
    }

    @Override
    public void close() {
        nodes.forEach(n -> {
            n.http().close();
            n.db().close();
        });
        TestDatabases.dropIfPostgres(databaseUrl);
    }
}
