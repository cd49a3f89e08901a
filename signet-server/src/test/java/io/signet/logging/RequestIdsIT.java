package io.signet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.crypto.Encryptor;
import io.signet.crypto.RandomTokens;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.http.HttpServer;
import io.signet.http.Idempotency;
import io.signet.idempotency.JdbcIdempotencyStore;
import io.signet.store.Database;
import io.signet.testing.Api;
import io.signet.testing.TestDatabases;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 #3: every answer carries X-Request-Id; a peer that is not a trusted proxy cannot choose it. */
class RequestIdsIT {
    /** The Client API plays no part here: nothing is accepted. */
    private static final ClientAuthenticator NO_CLIENT_API = new ClientAuthenticator() {
        @Override
        public ClientPrincipal.Bearer bearer(String token) {
            throw new AssertionError("no Client API in this test");
        }

        @Override
        public Optional<ClientPrincipal.Tenant> tenant(String publicTenantId) {
            return Optional.empty();
        }

        @Override
        public boolean allowsOrigin(String tenantId, String origin) {
            return false;
        }

        @Override
        public boolean anyTenantAllowsOrigin(String origin) {
            return false;
        }
    };

    @TempDir
    Path tempDir;

    @Test
    void every_answer_has_its_own_request_id_and_an_untrusted_callers_id_is_ignored() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            Api api = server.api();
            String first = api.get("/health").header("X-Request-Id");
            String second = api.get("/v1/users/nobody").header("X-Request-Id");
            String unauthorized = api.withKey("sk_wrong_0123456789abcdef").get("/v1/users/x").header("X-Request-Id");
            assertThat(first).isNotBlank().isNotEqualTo(second);
            assertThat(unauthorized).isNotBlank().isNotIn(first, second);
            String forged = api.send("GET", "/health", null, Map.of("X-Request-Id", "forged-id-1")).header(
                    "X-Request-Id");
            assertThat(forged).isNotBlank().isNotEqualTo("forged-id-1");
        }
    }

    @Test
    void a_trusted_proxys_request_id_is_kept_when_it_is_a_short_token() {
        try (Database db = Database.open(TestDatabases.fresh(Backend.SQLITE, tempDir), 1);
             HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(), key -> Optional.empty(),
                     NO_CLIENT_API, db, new Idempotency(new JdbcIdempotencyStore(db,
                             new Encryptor(RandomTokens.bytes(32))), Clock.systemUTC()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), false, false,
                     peer -> peer.equals("127.0.0.1"))) {
            Api api = new Api("http://127.0.0.1:" + http.port(), null);
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "lb-4f2a.9")).header("X-Request-Id"))
                    .isEqualTo("lb-4f2a.9");
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "x".repeat(129)))
                    .header("X-Request-Id")).hasSizeLessThan(129);
            assertThat(api.send("GET", "/health", null, Map.of("X-Request-Id", "a b")).header("X-Request-Id"))
                    .isNotEqualTo("a b");
        }
    }
}
