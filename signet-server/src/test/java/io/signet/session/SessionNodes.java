package io.signet.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.RandomTokens;
import io.signet.store.Database;
import io.signet.tenant.CreatedTenant;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.ManualClock;
import io.signet.testing.Rfc6238;
import io.signet.testing.TestDatabases;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Signet nodes sharing one database, each a whole {@code SignetApp} built by the application's own wiring, and
 * action tokens in a chosen state made the way a real caller makes them: track, then verify through the
 * Client API.
 */
final class SessionNodes implements AutoCloseable {
    private static final String ACTION = "signIn";

    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    final String databaseUrl;
    private final byte[] key = RandomTokens.bytes(32);
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Api, String> tenantIds = new ConcurrentHashMap<>();
    /** The authenticator app each user enrolled with their first token, by tenant and user. */
    private final Map<String, Enrolled> apps = new ConcurrentHashMap<>();

    private record Enrolled(String secret, AtomicLong lastStep) {
        Enrolled(String secret) {
            this(secret, new AtomicLong(Long.MIN_VALUE));
        }

        /**
         * The offset from now's 30-second step of a code not used yet: the replay guard refuses a step at or before
         * the last one used, and the server accepts one step either side of now.
         */
        int nextStepOffset(Instant now) {
            long step = now.getEpochSecond() / 30;
            for (int offset = -1; offset <= 1; offset++) {
                long candidate = step + offset;
                if (lastStep.get() < candidate) {
                    lastStep.set(candidate);
                    return offset;
                }
            }
            throw new IllegalStateException("three successes within one step: advance the clock");
        }
    }

    record Node(TestServer server) {
        Api api() {
            return server.api();
        }
    }

    SessionNodes(Backend backend, Path tempDir) {
        this.databaseUrl = TestDatabases.fresh(backend, tempDir);
    }

    Node start() {
        Node node = new Node(TestServer.startOn(databaseUrl, key, Map.of(), clock));
        nodes.add(node);
        return node;
    }

    /**
     * A token of a tracked {@code signIn} of the user, whose action is in {@code state}: ALLOW, BLOCK and
     * REVIEW_REQUIRED from the action's default outcome; CHALLENGE_REQUIRED, then CHALLENGE_SUCCEEDED or
     * CHALLENGE_FAILED by enrolling an authenticator app with the token and sending it the right code, or
     * wrong codes until the challenge's attempts are used up.
     */
    String token(Api api, String userId, String state) {
        String outcome = switch (state) {
            case "ALLOW", "BLOCK" -> state;
            case "REVIEW_REQUIRED" -> "REVIEW";
            case "CHALLENGE_REQUIRED", "CHALLENGE_SUCCEEDED", "CHALLENGE_FAILED" -> "CHALLENGE";
            default -> throw new IllegalArgumentException("no way to reach " + state);
        };
        ok(api.patch("/admin/v1/action-configurations/" + ACTION, Map.of("defaultOutcome", outcome)));
        String token = ok(api.post("/v1/users/" + userId + "/actions/" + ACTION, Map.of())).path("token").asString();
        if (state.equals("CHALLENGE_SUCCEEDED") || state.equals("CHALLENGE_FAILED")) {
            ClientApi client = ClientApi.bearer(api.baseUrl(), token);
            Enrolled app = apps.computeIfAbsent(tenantOf(api) + " " + userId, k -> new Enrolled(
                    ok(client.post("/user-authenticators/totp", null)).path("secret").asString()));
            String right = Rfc6238.code(app.secret(), clock.instant(), app.nextStepOffset(clock.instant()));
            String wrong = right.equals("000000") ? "111111" : "000000";
            int tries = state.equals("CHALLENGE_SUCCEEDED") ? 1 : 5;
            for (int i = 0; i < tries; i++) {
                ok(client.post("/verify/totp",
                        Map.of("verificationCode", state.equals("CHALLENGE_SUCCEEDED") ? right : wrong)));
            }
        }
        JsonNode action = ok(api.post("/v1/validate", Map.of("token", token)));
        assertThat(action.path("state").asString()).as("the token's action").isEqualTo(state);
        return token;
    }

    private static JsonNode ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A client for a new tenant. */
    Api newTenant(Node node, String name) {
        CreatedTenant created = node.server().app().tenants().create(name, Optional.empty());
        Api api = node.api().withKey(created.secretKey());
        tenantIds.put(api, created.tenant().tenantId());
        return api;
    }

    Database database() {
        return nodes.getFirst().server().app().database();
    }

    SigningKeys signingKeys() {
        return nodes.getFirst().server().app().signingKeys();
    }

    SessionService sessions() {
        return nodes.getFirst().server().app().sessions();
    }

    /** The tenant id behind a client made by {@link Node#api()} or {@link #newTenant}. */
    String tenantOf(Api api) {
        return tenantIds.computeIfAbsent(api, a -> nodes.getFirst().server().app().tenants()
                .tenantIdForSecretKey(TestServer.SECRET_KEY).orElseThrow());
    }

    @Override
    public void close() {
        nodes.forEach(n -> n.server().close());
        TestDatabases.dropIfPostgres(databaseUrl);
    }
}
